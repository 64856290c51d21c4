package io.atrium.club;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.club.StudentShop.Course;
import io.atrium.club.StudentShop.Student;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.Expiration;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.PageAttachment;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
import io.atrium.club.internal.ProgressRows;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestClock;
import io.atrium.support.TestMail;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course player over real HTTP: "continue where you left off", attachments that
 * download only under the page's decision, the warning before access ends, the frames a
 * page may hold, and the buyer signed in by activating their account.
 */
@AtriumIntegrationTest
class PlayerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

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
	Groups groups;

	@Autowired
	Enrollments enrollments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProgressRows progress;

	StudentShop shop;

	@BeforeEach
	void shop() {
		this.shop = new StudentShop(this.accounts, this.products, this.offers, this.checkout, this.areas, this.content,
				this.enrollments);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void continueTakesTheStudentBackToTheLastLessonOpened() {
		Course course = this.shop.course("Continue course");
		ClubModule basics = this.shop.module(course, "Basics");
		ClubPage welcome = this.shop.text(course, basics, "Welcome", "Hello.");
		ClubPage starter = this.shop.text(course, basics, "Starter", "Feed it.");
		this.shop.text(course, basics, "Baking", "Bake it.");
		Student ana = this.shop.student("Ana Continue");
		this.shop.buy(course, ana);
		WebClient browser = logIn(ana);

		// nothing opened yet: continue with the first lesson
		assertThat(browser.get("/club").document().select("a.player-continue").attr("href"))
			.isEqualTo(course.page(welcome));
		assertThat(browser.get(course.page(starter)).status()).isEqualTo(200);
		Page mine = browser.get("/club");
		assertThat(mine.document().select("a.player-continue").attr("href")).isEqualTo(course.page(starter));
		assertThat(mine.document().select("a.player-continue").text()).isEqualTo("Continue: Starter");
		assertThat(browser.get(course.outline()).document().select("a.player-continue").attr("href"))
			.isEqualTo(course.page(starter));

		// the same page opened again within a minute writes nothing; a minute later it
		// does
		assertThat(browser.get(course.page(welcome)).status()).isEqualTo(200);
		Instant first = lastOpened(welcome);
		assertThat(first).isNotNull();
		this.clock.advance(Duration.ofSeconds(30));
		browser.get(course.page(welcome));
		assertThat(lastOpened(welcome)).isEqualTo(first);
		this.clock.advance(Duration.ofSeconds(45));
		browser.get(course.page(welcome));
		assertThat(lastOpened(welcome)).isAfter(first);
		// another page at once does
		browser.get(course.page(starter));
		assertThat(browser.get("/club").document().select("a.player-continue").attr("href"))
			.isEqualTo(course.page(starter));

		// another student's place is their own
		Student bia = this.shop.student("Bia Continue");
		this.shop.buy(course, bia);
		assertThat(logIn(bia).get("/club").document().select("a.player-continue").attr("href"))
			.isEqualTo(course.page(welcome));
	}

	@Test
	void aLessonOpenedInSeveralTabsAtOnceIsRememberedWithoutAnError() throws Exception {
		Course course = this.shop.course("Tabs course");
		ClubPage welcome = this.shop.text(course, this.shop.module(course, "Basics"), "Welcome", "Hello.");
		Student ana = this.shop.student("Ana Tabs");
		this.shop.buy(course, ana);
		long enrollment = this.jdbc.sql("SELECT id FROM club_enrollments WHERE product_id = ? AND account_id = ?")
			.params(course.productId(), ana.id())
			.query(Long.class)
			.single();
		int tabs = 6;
		ExecutorService pool = Executors.newFixedThreadPool(tabs);
		try {
			for (int round = 0; round < 20; round++) {
				// the student's first view of any lesson, from every tab at the same
				// moment
				this.jdbc.sql("DELETE FROM club_last_pages WHERE enrollment_id = ?").param(enrollment).update();
				CyclicBarrier together = new CyclicBarrier(tabs);
				List<Future<?>> views = new ArrayList<>();
				for (int tab = 0; tab < tabs; tab++) {
					views.add(pool.submit(() -> {
						together.await();
						this.progress.setLastPage(enrollment, course.producer(), welcome.id(), this.clock.instant());
						return null;
					}));
				}
				for (Future<?> view : views) {
					view.get(30, TimeUnit.SECONDS);
				}
				assertThat(lastOpened(welcome)).isNotNull();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void attachmentsDownloadOnlyForStudentsWhoCanOpenThePage() {
		Course course = this.shop.course("Attachment course");
		ClubModule basics = this.shop.module(course, "Basics");
		ClubPage open = this.shop.text(course, basics, "Recipe", "See the *card*.");
		ClubPage later = this.shop.text(course, basics, "Week two", "Later.");
		PageAttachment card = this.content.attach(course.producer(), open.id(), "recipe card.txt", "text/plain",
				"flour, water, salt".getBytes(StandardCharsets.UTF_8));
		PageAttachment plan = this.content.attach(course.producer(), later.id(), "plan.txt", "text/plain",
				"week two plan".getBytes(StandardCharsets.UTF_8));
		this.content.setPageRule(course.producer(), defaultGroup(course), later.id(),
				new ContentRule(true, Drip.afterDays(7), Expiration.NEVER));
		Student ana = this.shop.student("Ana Files");
		this.shop.buy(course, ana);
		WebClient member = logIn(ana);

		Page page = member.get(course.page(open));
		String url = course.page(open) + "/attachments/" + card.id();
		assertThat(page.document().select(".player-attachment a").attr("href")).isEqualTo(url);
		assertThat(page.document().select(".player-attachment").text()).contains("recipe card.txt").contains("18 B");
		Page download = member.get(url);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo("flour, water, salt");
		assertThat(download.header("Content-Disposition")).startsWith("attachment;").contains("recipe");

		// a page not released yet: its attachment is refused; another page's attachment
		// id is not found
		assertThat(member.get(course.page(later) + "/attachments/" + plan.id()).status()).isEqualTo(403);
		assertThat(member.get(course.page(open) + "/attachments/" + plan.id()).status()).isEqualTo(404);
		// a stranger never learns it exists
		WebClient stranger = logIn(this.shop.student("Ivo Stranger"));
		assertThat(stranger.get(url).status()).isEqualTo(404);

		// once released it downloads
		this.clock.advance(Duration.ofDays(8));
		assertThat(member.get(course.page(later) + "/attachments/" + plan.id()).body()).isEqualTo("week two plan");

		// the producer removes it: gone for students too
		this.content.detach(course.producer(), open.id(), card.id());
		assertThat(member.get(url).status()).isEqualTo(404);
	}

	@Test
	void producersAttachFilesFromThePageForm() {
		Course course = this.shop.course("Producer files course");
		ClubModule basics = this.shop.module(course, "Basics");
		ClubPage page = this.shop.text(course, basics, "Recipe", "Text.");
		WebClient producer = new WebClient(this.port).language("en");
		producer.logIn(course.producerEmail(), StudentShop.PASSWORD);
		String edit = "/business/products/" + course.productId() + "/club/pages/" + page.id() + "/edit";

		Page form = producer.get(edit);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.text()).contains("Markdown:").contains("No files attached yet.");
		Page attached = producer.upload(
				"/business/products/" + course.productId() + "/club/pages/" + page.id() + "/attachments", "file",
				"starter guide.txt", "feed it".getBytes(StandardCharsets.UTF_8));
		assertThat(attached.location()).endsWith(edit);
		Page listed = producer.get(edit);
		assertThat(listed.text()).contains("The file starter guide.txt is attached.");
		assertThat(listed.document().select("#page-attachments li").text()).contains("starter guide.txt");

		// an empty file is refused with its message, next to the field
		producer.upload("/business/products/" + course.productId() + "/club/pages/" + page.id() + "/attachments",
				"file", "empty.txt", new byte[0]);
		assertThat(producer.get(edit).document().select("#attachment-error").text())
			.isEqualTo("Choose a file to upload.");

		// another producer cannot touch it
		Course other = this.shop.course("Someone else's course");
		WebClient stranger = new WebClient(this.port).language("en");
		stranger.logIn(other.producerEmail(), StudentShop.PASSWORD);
		stranger.get("/business/products/" + other.productId() + "/club");
		assertThat(stranger
			.upload("/business/products/" + course.productId() + "/club/pages/" + page.id() + "/attachments", "file",
					"x.txt", "x".getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(404);
		assertThat(this.content.attachments(course.producer(), page.id())).hasSize(1);
	}

	@Test
	void studentsAreWarnedBeforeALessonCloses() {
		Course course = this.shop.course("Expiring course");
		ClubModule basics = this.shop.module(course, "Basics");
		ClubPage page = this.shop.text(course, basics, "Bonus", "Soon gone.");
		this.content.setPageRule(course.producer(), defaultGroup(course), page.id(),
				new ContentRule(true, Drip.IMMEDIATE, Expiration.afterDays(10)));
		Student ana = this.shop.student("Ana Expiring");
		this.shop.buy(course, ana);
		WebClient member = logIn(ana);
		assertThat(member.get(course.page(page)).document().select("#lesson-warning")).isEmpty();

		this.clock.advance(Duration.ofDays(5));
		Page soon = member.get(course.page(page));
		assertThat(soon.document().select("#lesson-warning").text()).startsWith("This lesson closes for you on")
			.contains("(America/Sao_Paulo)");

		// expired: locked, and out of the progress figure
		this.clock.advance(Duration.ofDays(6));
		assertThat(member.get(course.page(page)).status()).isEqualTo(403);
		assertThat(member.get("/club").text()).contains("0 of 0 pages done");
	}

	@Test
	void pagesFrameOnlyTheAllowedVideoPlayers() {
		Page page = new WebClient(this.port).get("/login");
		String csp = page.header("Content-Security-Policy");
		assertThat(csp)
			.contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com "
					+ "https://fast.wistia.net https://www.loom.com https://iframe.mediadelivery.net "
					+ "https://player.mediadelivery.net https://*.tv.pandavideo.com.br")
			.doesNotContain("frame-src https:;")
			.doesNotContain("frame-src https: ");
	}

	@Test
	void activatingTheAccountSignsTheBuyerInOnAFreshSession() {
		Course course = this.shop.course("Activation course");
		ClubModule basics = this.shop.module(course, "Basics");
		this.shop.text(course, basics, "Welcome", "Hello.");
		String email = StudentShop.unique("activating");
		WebClient buyer = new WebClient(this.port).language("en");
		// a session before activation: the page asked for is remembered for after the
		// log-in
		assertThat(buyer.get("/club").location()).endsWith("/login");
		assertThat(buyer.cookie("ATRIUM_SESSION")).isNotNull();
		String before = buyer.cookie("ATRIUM_SESSION").getValue();
		this.shop.buyAs(course, "Ana Activa", email);

		String link = TestMail.link(TestMail.awaitNth(email, 1), "/activate/");
		buyer.get(link);
		Page landed = buyer.submit(java.net.URI.create(link).getPath(),
				Map.of("password", StudentShop.PASSWORD, "confirmation", StudentShop.PASSWORD));
		assertThat(landed.path()).isEqualTo("/club");
		assertThat(landed.status()).isEqualTo(200);
		assertThat(landed.text()).contains("Activation course");
		// session fixation: the session from before activation is not the signed-in one
		assertThat(buyer.cookie("ATRIUM_SESSION").getValue()).isNotEqualTo(before);
		assertThat(buyer.get(course.outline()).status()).isEqualTo(200);
		// the link works once
		assertThat(buyer.get(link).status()).isEqualTo(410);
	}

	private Instant lastOpened(ClubPage page) {
		return this.jdbc.sql("SELECT opened_at FROM club_last_pages WHERE page_id = ?")
			.param(page.id())
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant)
			.orElse(null);
	}

	private long defaultGroup(Course course) {
		return this.groups.of(course.producer(), course.productId())
			.stream()
			.filter(Group::isDefault)
			.findFirst()
			.orElseThrow()
			.id();
	}

	private WebClient logIn(Student student) {
		WebClient browser = new WebClient(this.port).language("en");
		browser.logIn(student.email(), StudentShop.PASSWORD);
		return browser;
	}

}
