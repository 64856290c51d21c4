package io.atrium.club;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.club.StudentShop.Course;
import io.atrium.club.StudentShop.Student;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.groups.Enrollments;
import io.atrium.shared.EmailAddress;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestMail;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments as conversations over real HTTP: students ask and reply in their group's
 * threads, the producer and the helpers they name answer from the unanswered list or the
 * lesson's page, the author gets one e-mail per reply in their language, hidden threads
 * vanish for students, and helpers reach the comments of the producer's courses and
 * nothing else.
 */
@AtriumIntegrationTest
class CommentsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Checkout checkout;

	@Autowired
	ClubAreas areas;

	@Autowired
	ClubContent content;

	@Autowired
	Enrollments enrollments;

	StudentShop shop;

	@BeforeEach
	void shop() {
		this.shop = new StudentShop(this.accounts, this.products, this.offers, this.checkout, this.areas, this.content,
				this.enrollments);
	}

	@Test
	void theProducerRepliesFromTheUnansweredListAndTheStudentGetsOneEmailInTheirLanguage() {
		Course course = this.shop.course("Pão de fermentação natural");
		ClubModule basics = this.shop.module(course, "Basics");
		ClubPage page = this.shop.text(course, basics, "Levain", "Feed the starter.");
		Student ana = student("Ana Pergunta", Locale.forLanguageTag("pt-BR"));
		this.shop.buy(course, ana);
		TestMail.awaitNth(ana.email(), 1);
		WebClient anaBrowser = logIn(ana.email());
		anaBrowser.get(course.page(page));
		anaBrowser.submit(course.page(page) + "/comments", Map.of("body", "How warm should the kitchen be?"));

		WebClient producer = logIn(course.producerEmail());
		Page questions = producer.get("/business/club/questions");
		assertThat(questions.status()).isEqualTo(200);
		assertThat(questions.document().select("#questions .club-question").text()).contains("Ana Pergunta",
				"How warm should the kitchen be?", "Pão de fermentação natural", "Levain");
		assertThat(questions.document().select("#questions-count").text()).isEqualTo("1");
		long question = questionId(questions);

		Page replied = producer.submit("/business/club/questions/" + question + "/reply",
				Map.of("body", "Around 24 °C is ideal."));
		assertThat(replied.text()).contains("Your reply was posted.");
		assertThat(replied.document().select("#questions")).isEmpty();
		assertThat(replied.document().select("#questions-none").text()).contains("No question waits for an answer.");

		MimeMessage mail = TestMail.awaitNth(ana.email(), 2);
		assertThat(TestMail.subject(mail)).isEqualTo("Nova resposta ao seu comentário em Levain");
		String body = TestMail.body(mail);
		assertThat(body).contains("da equipe do curso").contains("Around 24").contains("How warm should the kitchen");
		assertThat(TestMail.link(mail, "/pages/")).contains(course.page(page) + "#comment-" + question);

		// the student sees the reply, badged, under her question; her own reply mails no
		// one
		Page thread = anaBrowser.get(course.page(page));
		assertThat(thread.document().select("#comment-" + question + " .club-reply").text()).contains("Bela Baker",
				"Produtor", "Around 24 °C is ideal.");
		anaBrowser.submit(course.page(page) + "/comments/" + question + "/replies", Map.of("body", "Thanks!"));
		producer.get("/business/club/questions");
		producer.submit("/business/club/questions/" + question + "/reply", Map.of("body", "You are welcome."));
		TestMail.awaitNth(ana.email(), 3);
		assertThat(TestMail.to(ana.email())).as("one e-mail per team reply, none for her own").hasSize(3);
		assertThat(replies(question)).isEqualTo(3);
	}

	@Test
	void aStudentsReplyNotifiesTheAuthorAndAHiddenThreadVanishesForStudentsAndMailsNoOne() {
		Course course = this.shop.course("Hidden threads course");
		ClubPage page = this.shop.text(course, this.shop.module(course, "Basics"), "Welcome", "Say hello.");
		Student ana = this.shop.student("Ana Hidden");
		Student bruno = this.shop.student("Bruno Hidden");
		this.shop.buy(course, ana);
		this.shop.buy(course, bruno);
		TestMail.awaitNth(ana.email(), 1);
		WebClient anaBrowser = logIn(ana.email());
		WebClient brunoBrowser = logIn(bruno.email());
		anaBrowser.get(course.page(page));
		anaBrowser.submit(course.page(page) + "/comments", Map.of("body", "Is rye flour fine?"));
		long question = this.jdbc.sql("SELECT MAX(id) FROM club_comments WHERE page_id = ?")
			.param(page.id())
			.query(Long.class)
			.single();

		brunoBrowser.get(course.page(page));
		Page replied = brunoBrowser.submit(course.page(page) + "/comments/" + question + "/replies",
				Map.of("body", "Rye works for me."));
		assertThat(replied.text()).contains("Your reply was posted.");
		MimeMessage mail = TestMail.awaitNth(ana.email(), 2);
		assertThat(TestMail.subject(mail)).isEqualTo("New reply to your comment on Welcome");
		assertThat(TestMail.body(mail)).contains("Bruno Hidden replied to your comment");
		Page empty = brunoBrowser.submit(course.page(page) + "/comments/" + question + "/replies",
				Map.of("body", "  "));
		assertThat(empty.text()).contains("A comment has 1 to 2000 characters");

		WebClient producer = logIn(course.producerEmail());
		String moderation = "/business/products/" + course.productId() + "/club/pages/" + page.id() + "/comments";
		producer.get(moderation);
		Page hidden = producer.submit(moderation + "/" + question + "/hide", Map.of("hidden", "true"));
		assertThat(hidden.text()).contains("The comment by Ana Hidden is hidden from students.");
		assertThat(hidden.document().select("#comment-" + question + " .club-reply").text())
			.as("the team still sees the hidden thread")
			.contains("Rye works for me.");

		Page brunoView = brunoBrowser.get(course.page(page));
		assertThat(brunoView.document().select(".club-comment")).isEmpty();
		assertThat(brunoView.text()).doesNotContain("Rye works for me.").doesNotContain("Is rye flour fine?");
		assertThat(brunoBrowser
			.post(course.page(page) + "/comments/" + question + "/replies", Map.of("body", "Still there?"))
			.status()).isEqualTo(404);
		Page refused = producer.submit(moderation + "/" + question + "/reply", Map.of("body", "Hello?"));
		assertThat(refused.text()).contains("This conversation is hidden");
		assertThat(producer.get("/business/club/questions").text()).doesNotContain("Is rye flour fine?");
		assertThat(replies(question)).isEqualTo(1);
		assertThat(TestMail.to(ana.email())).as("nothing after the thread was hidden").hasSize(2);
	}

	@Test
	void helpersReplyAndHideTheProducersCommentsAndReachNothingElse() {
		Course course = this.shop.course("Helped course");
		ClubPage page = this.shop.text(course, this.shop.module(course, "Basics"), "Welcome", "Say hello.");
		Course other = this.shop.course("Someone else's course");
		ClubPage otherPage = this.shop.text(other, this.shop.module(other, "Basics"), "Other", "Other.");
		Student ana = this.shop.student("Ana Helped");
		this.shop.buy(course, ana);
		this.shop.buy(other, ana);
		TestMail.awaitNth(ana.email(), 2);
		WebClient anaBrowser = logIn(ana.email());
		anaBrowser.get(course.page(page));
		anaBrowser.submit(course.page(page) + "/comments", Map.of("body", "Question for the team"));
		anaBrowser.get(other.page(otherPage));
		anaBrowser.submit(other.page(otherPage) + "/comments", Map.of("body", "Question for someone else"));

		// the producer names an existing account and a new address
		Student carla = this.shop.student("Carla Helper");
		WebClient producer = logIn(course.producerEmail());
		producer.get("/business/club/helpers");
		Page added = producer.submit("/business/club/helpers",
				Map.of("email", carla.email(), "name", "Carla", "product", Long.toString(course.productId())));
		assertThat(added.text()).contains(carla.email() + " now helps with your comments");
		assertThat(added.document().select("#helpers").text()).contains("Carla", "Helped course");
		MimeMessage invitation = TestMail.awaitNth(carla.email(), 1);
		assertThat(TestMail.subject(invitation)).isEqualTo("Bela Baker asks you to help answer comments");
		assertThat(TestMail.link(invitation, "/business/club/questions")).endsWith("/business/club/questions");
		String newcomer = StudentShop.unique("dora-helper");
		producer.submit("/business/club/helpers", Map.of("email", newcomer, "name", "Dora Helper", "product", ""));
		assertThat(TestMail.link(TestMail.awaitNth(newcomer, 1), "/activate/")).contains("/activate/");
		Page twice = producer.submit("/business/club/helpers",
				Map.of("email", carla.email(), "name", "", "product", Long.toString(course.productId())));
		assertThat(twice.text()).contains(carla.email() + " already helps with these comments.");
		Page self = producer.submit("/business/club/helpers",
				Map.of("email", course.producerEmail(), "name", "", "product", ""));
		assertThat(self.text()).contains("You already answer your own comments.");

		// the helper sees and answers this producer's questions only
		WebClient helper = logIn(carla.email());
		Page questions = helper.get("/business/club/questions");
		assertThat(questions.status()).isEqualTo(200);
		assertThat(questions.text()).contains("Question for the team").doesNotContain("Question for someone else");
		long question = questionId(questions);
		String moderation = "/business/products/" + course.productId() + "/club/pages/" + page.id() + "/comments";
		assertThat(helper.get(moderation).status()).isEqualTo(200);
		Page replied = helper.submit(moderation + "/" + question + "/reply", Map.of("body", "The team is here."));
		assertThat(replied.document().select("#comment-" + question + " .club-reply").text()).contains("Carla Helper",
				"Team", "The team is here.");
		assertThat(TestMail.body(TestMail.awaitNth(ana.email(), 3)).replace("=\r\n", ""))
			.contains("Carla Helper, of the");
		assertThat(helper.post(moderation + "/" + question + "/delete", Map.of()).status())
			.as("only the producer deletes")
			.isEqualTo(404);
		assertThat(helper.submit(moderation + "/" + question + "/hide", Map.of("hidden", "true")).text())
			.contains("is hidden from students");

		// nothing else of the producer's, nothing of another producer's
		assertThat(helper.get("/business/sales").status()).isEqualTo(403);
		assertThat(helper.get("/business/products/" + course.productId() + "/club/students").status()).isEqualTo(403);
		assertThat(helper.get("/business/club/helpers").status()).isEqualTo(403);
		assertThat(helper.get("/business/products/" + other.productId() + "/club/pages/" + otherPage.id() + "/comments")
			.status()).isEqualTo(404);
		WebClient otherProducer = logIn(other.producerEmail());
		assertThat(otherProducer.get(moderation).status()).isEqualTo(404);
		assertThat(otherProducer.get("/business/club/questions").text()).doesNotContain("Question for the team")
			.contains("Question for someone else");
		assertThat(anaBrowser.get("/business/club/questions").status()).as("a student who helps no one").isEqualTo(403);

		// removed, the helper reaches nothing
		Page list = producer.get("/business/club/helpers");
		String remove = list.document().select("#helpers form").first().attr("action");
		producer.submit(remove, Map.of());
		assertThat(helper.get(moderation).status()).isEqualTo(404);
		assertThat(helper.get("/business/club/questions").status()).isEqualTo(403);
	}

	@Test
	void theUnansweredListIsNewestFirstAndFiltersByCourse() {
		Course course = this.shop.course("Filtered course A");
		ClubPage a = this.shop.text(course, this.shop.module(course, "Basics"), "Lesson A", "A.");
		Long second = this.products
			.create(course.producer(),
					new io.atrium.catalog.ProductDetails("Filtered course B", "B.", "help@bakery.example",
							io.atrium.catalog.ProductFormat.ONLINE_COURSE, io.atrium.catalog.ProductStatus.ACTIVE, 7,
							io.atrium.catalog.Delivery.membersArea()),
					io.atrium.catalog.ImageChange.keep())
			.id();
		Course courseB = new Course(course.producer(), course.producerEmail(), second, null, course.subdomain());
		ClubPage b = this.shop.text(courseB, this.shop.module(courseB, "Basics"), "Lesson B", "B.");
		Student ana = this.shop.student("Ana Filter");
		this.shop.buy(course, ana);
		this.enrollments.enroll(course.producer(), second,
				new io.atrium.club.groups.StudentImport(ana.email(), "Ana Filter", null, null, null));
		WebClient anaBrowser = logIn(ana.email());
		anaBrowser.get(course.page(a));
		anaBrowser.submit(course.page(a) + "/comments", Map.of("body", "First question, on A"));
		anaBrowser.get(courseB.page(b));
		anaBrowser.submit(courseB.page(b) + "/comments", Map.of("body", "Second question, on B"));

		WebClient producer = logIn(course.producerEmail());
		Page all = producer.get("/business/club/questions");
		assertThat(all.document().select("#questions .club-question").eachText()).hasSize(2)
			.satisfiesExactly((first) -> assertThat(first).contains("Second question, on B", "Lesson B"),
					(next) -> assertThat(next).contains("First question, on A", "Lesson A"));
		Page onlyA = producer.get("/business/club/questions?product=" + course.productId());
		assertThat(onlyA.document().select("#questions .club-question").text()).contains("First question, on A")
			.doesNotContain("Second question");
		assertThat(onlyA.document().select("#questions-course option[selected]").text()).isEqualTo("Filtered course A");

		long onB = questionId(all);
		Page marked = producer.submit("/business/club/questions/" + onB + "/answered", Map.of());
		assertThat(marked.text()).contains("The question by Ana Filter is marked as answered.");
		assertThat(marked.document().select("#questions .club-question").text()).doesNotContain("Second question")
			.contains("First question, on A");
		assertThat(marked.document().select("#questions-count").text()).isEqualTo("1");
	}

	@Test
	void theUnansweredListAndALessonPageTenThousandStudentsQuestions() {
		Course course = this.shop.course("Crowded course");
		ClubPage page = this.shop.text(course, this.shop.module(course, "Basics"), "Crowded lesson", "Hello.");
		Student ana = this.shop.student("Ana Crowded");
		this.shop.buy(course, ana);
		long group = this.jdbc.sql("SELECT default_group_id FROM club_products WHERE product_id = ?")
			.param(course.productId())
			.query(Long.class)
			.single();
		long producerId = this.jdbc.sql("SELECT producer_account_id FROM club_products WHERE product_id = ?")
			.param(course.productId())
			.query(Long.class)
			.single();
		WebClient producer = logIn(course.producerEmail());
		// 10,000 students ask a question each (account ids need no account here); half
		// are answered
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			rows.add(new Object[] { page.id(), course.productId(), producerId, group, 1_000_000L + i, "Student " + i,
					"Question " + i, i % 2 == 0 });
		}
		this.jdbcTemplate.batchUpdate(
				"INSERT INTO club_comments (page_id, product_id, producer_account_id, group_id, account_id, author_name, "
						+ "body, hidden, answered, author_role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?, 'STUDENT', "
						+ "CURRENT_TIMESTAMP)",
				rows);

		boolean h2 = !"postgres".equals(io.atrium.support.TestDatabase.kind());
		if (!h2) {
			// PostgreSQL plans with statistics, which autovacuum refreshes after a bulk
			// load
			this.jdbc.sql("ANALYZE club_comments").update();
		}
		Page questions = producer.get("/business/club/questions");
		assertThat(questions.document().select("#questions-count").text()).isEqualTo("5000");
		assertThat(questions.document().select("#questions .club-question")).hasSize(25);
		assertThat(questions.document().select("#questions .club-question").first().text()).contains("Question 9999");

		WebClient student = logIn(ana.email());
		Page lesson = student.get(course.page(page));
		assertThat(lesson.document().select(".club-thread")).hasSize(20);
		assertThat(lesson.text()).contains("Question 9999", "Show older comments");
		// speed is measured by bench/pages.sh, not here: this test checks that both pages
		// page the threads and that the list reads the unanswered index
		if (h2) {
			// on H2: the list reads the unanswered index, not the table
			String plan = this.jdbc
				.sql("EXPLAIN SELECT c.id FROM club_comments c WHERE c.product_id IN (" + course.productId()
						+ ") AND c.answered = FALSE AND c.hidden = FALSE AND c.parent_id IS NULL ORDER BY c.id DESC "
						+ "LIMIT 25")
				.query(String.class)
				.single();
			assertThat(plan.toUpperCase(Locale.ROOT)).contains("CLUB_COMMENTS_UNANSWERED_IX");
		}
	}

	private Student student(String name, Locale locale) {
		String email = StudentShop.unique(name.toLowerCase(Locale.ROOT).replace(' ', '-'));
		long id = this.accounts
			.createActive(EmailAddress.of(email), name, StudentShop.PASSWORD, locale, Set.of(Role.STUDENT))
			.id()
			.value();
		return new Student(id, name, email);
	}

	private static long questionId(Page questions) {
		return Long.parseLong(
				questions.document().select("#questions .club-question").first().id().substring("question-".length()));
	}

	private int replies(long question) {
		return this.jdbc.sql("SELECT COUNT(*) FROM club_comments WHERE parent_id = ?")
			.param(question)
			.query(Integer.class)
			.single();
	}

	private WebClient logIn(String email) {
		WebClient browser = new WebClient(this.port).language("en");
		browser.logIn(email, StudentShop.PASSWORD);
		return browser;
	}

}
