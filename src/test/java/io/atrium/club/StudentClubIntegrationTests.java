package io.atrium.club;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.Refunds;
import io.atrium.club.StudentShop.Course;
import io.atrium.club.StudentShop.Student;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.Expiration;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.PageDetails;
import io.atrium.club.content.PageKind;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Eventually;
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
 * The student's side of the members area over real HTTP: My products, an area, the
 * outline, pages under drip, expiration and passwords, progress with its events, comments
 * per group, and access that ends with a refund. A student never sees what the access
 * decision does not allow.
 */
@AtriumIntegrationTest
class StudentClubIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

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
	Refunds refunds;

	@Autowired
	ClubAreas areas;

	@Autowired
	ClubContent content;

	@Autowired
	Groups groups;

	@Autowired
	Enrollments enrollments;

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
	void aBuyerFindsTheProductInMyProductsAndEntersItsOutline() {
		Course course = this.shop.course("Sourdough course");
		ClubModule basics = this.shop.module(course, "Basics");
		ClubPage welcome = this.shop.text(course, basics, "Welcome", "Hello, baker.\n\nFlour <b>and</b> water.");
		this.shop.text(course, basics, "Starter", "Feed it daily.");
		Student ana = this.shop.student("Ana Souza");

		// an anonymous visitor goes to the log-in page and comes back after logging in
		WebClient browser = browser();
		Page anonymous = browser.get(course.outline());
		assertThat(anonymous.isRedirect()).isTrue();
		assertThat(anonymous.location()).endsWith("/login");

		this.shop.buy(course, ana);
		assertThat(TestMail.link(TestMail.awaitNth(ana.email(), 1), "/club")).endsWith("/club");

		browser.get("/login");
		Page back = browser.submit("/login", Map.of("email", ana.email(), "password", StudentShop.PASSWORD));
		assertThat(back.path()).isEqualTo(course.outline());
		assertThat(back.status()).isEqualTo(200);

		Page mine = browser.get("/club");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.document().select("header a[href=/club]").text()).isEqualTo("My products");
		assertThat(mine.document().select(".club-product")).hasSize(1);
		assertThat(mine.text()).contains("Sourdough course").contains("Bela’s Bakery School").contains("0 of 2 pages");
		assertThat(mine.document().select(".club-product a:contains(Enter)").attr("href")).isEqualTo(course.outline());
		assertThat(mine.document().select(".club-product a.player-continue").attr("href"))
			.isEqualTo(course.page(welcome));

		Page area = browser.get(course.path());
		assertThat(area.status()).isEqualTo(200);
		assertThat(area.document().select("h1").text()).isEqualTo("Bela’s Bakery School");
		assertThat(area.text()).contains("Sourdough course");
		assertThat(browser.get("/club/no-such-area").status()).isEqualTo(404);

		Page outline = browser.get(course.outline());
		assertThat(outline.document().select(".club-module h2").text()).contains("Basics");
		assertThat(outline.document().select(".club-lesson-link").eachText()).containsExactly("Welcome", "Starter");
		assertThat(outline.document().select("progress")).isNotEmpty();
		browser.get(course.outline());
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM club_enrollments WHERE account_id = ? AND product_id = ? "
					+ "AND first_access_at IS NOT NULL")
			.params(ana.id(), course.productId())
			.query(Integer.class)
			.single()).isOne();
		assertThat(this.jdbc.sql("SELECT access_count FROM club_enrollments WHERE account_id = ? AND product_id = ?")
			.params(ana.id(), course.productId())
			.query(Integer.class)
			.single()).isEqualTo(3);

		Page page = browser.get(course.page(welcome));
		assertThat(page.status()).isEqualTo(200);
		// the text is Markdown: paragraphs stay paragraphs, safe inline HTML stays
		// formatting
		assertThat(page.document().select(".player-body p").eachText()).containsExactly("Hello, baker.",
				"Flour and water.");
		assertThat(page.document().select(".player-body b").text()).isEqualTo("and");
		assertThat(page.document().select("a[rel=next]").text()).isEqualTo("Next: Starter");
		assertThat(page.document().select("a[rel=prev]")).isEmpty();
	}

	@Test
	void aDrippedPageOpensOnItsDateAndClosesWhenItExpires() {
		Course course = this.shop.course("Drip course");
		ClubModule basics = this.shop.module(course, "Basics");
		this.shop.text(course, basics, "Welcome", "Hello.");
		ClubPage later = this.shop.text(course, basics, "Week two", "The second week.");
		// a date-only rule: 00:00 in the producer's zone (the default, America/Sao_Paulo)
		java.time.ZoneId zone = java.time.ZoneId.of("America/Sao_Paulo");
		Instant release = java.time.LocalDate.ofInstant(this.clock.instant(), zone)
			.plusDays(3)
			.atStartOfDay(zone)
			.toInstant();
		long defaultGroup = defaultGroup(course);
		this.content.setPageRule(course.producer(), defaultGroup, later.id(),
				new ContentRule(true, Drip.onDate(release), Expiration.afterDays(10)));
		Student ana = this.shop.student("Ana Drip");
		this.shop.buy(course, ana);
		WebClient browser = logIn(ana);

		String day = io.atrium.platform.Dates.show(release, zone, Locale.ENGLISH);
		assertThat(day).endsWith(", 12:00 AM (America/Sao_Paulo)");
		Page outline = browser.get(course.outline());
		assertThat(outline.document().select(".club-lesson-link").eachText()).containsExactly("Welcome");
		assertThat(outline.document().select(".club-lesson-locked").text()).contains("Week two")
			.contains("Available on " + day);
		Page locked = browser.get(course.page(later));
		assertThat(locked.status()).isEqualTo(403);
		assertThat(locked.document().select("#lock-reasons li").eachText()).containsExactly("Available on " + day);
		assertThat(locked.text()).doesNotContain("The second week.");

		this.clock.advance(Duration.between(this.clock.instant(), release).plusMinutes(1));
		Page open = browser.get(course.page(later));
		assertThat(open.status()).isEqualTo(200);
		assertThat(open.text()).contains("The second week.");

		this.clock.advance(Duration.ofDays(8));
		Page expired = browser.get(course.page(later));
		assertThat(expired.status()).isEqualTo(403);
		assertThat(expired.document().select("#lock-reasons li").text()).startsWith("Expired on ");
		assertThat(expired.text()).doesNotContain("The second week.");
		assertThat(browser.get(course.page(later) + "/done").status()).isEqualTo(405);
	}

	@Test
	void aPasswordPageOpensForTheRestOfTheSession() {
		Course course = this.shop.course("Secret course");
		ClubModule basics = this.shop.module(course, "Basics");
		ClubPage secret = this.shop.text(course, basics, "Secret recipe", "Rye and honey.");
		this.content.setPassword(course.producer(), secret.id(), "open sesame");
		Student ana = this.shop.student("Ana Secret");
		this.shop.buy(course, ana);
		WebClient browser = logIn(ana);

		Page outline = browser.get(course.outline());
		assertThat(outline.document().select(".club-lesson-link").eachText()).containsExactly("Secret recipe");
		assertThat(outline.text()).contains("Needs the page password");
		Page form = browser.get(course.page(secret));
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.document().select("input[name=password]")).hasSize(1);
		assertThat(form.text()).doesNotContain("Rye and honey.");
		assertThat(browser.post(course.page(secret) + "/comments", Map.of("body", "Let me in")).status())
			.isEqualTo(302);
		assertThat(comments(secret)).isZero();

		Page wrong = browser.post(course.page(secret) + "/password", Map.of("password", "guess"));
		assertThat(wrong.text()).contains("That is not the page’s password").doesNotContain("Rye and honey.");
		Page right = browser.submit(course.page(secret) + "/password", Map.of("password", "open sesame"));
		assertThat(right.path()).isEqualTo(course.page(secret));
		assertThat(right.text()).contains("Rye and honey.");
		assertThat(browser.get(course.page(secret)).text()).contains("Rye and honey.");

		// another session asks again
		WebClient other = logIn(ana);
		assertThat(other.get(course.page(secret)).text()).doesNotContain("Rye and honey.");
	}

	@Test
	void wrongPagePasswordsAreLimitedPerStudentAndPageAndPerAddress() {
		Course course = this.shop.course("Guarded course");
		ClubModule basics = this.shop.module(course, "Basics");
		ClubPage secret = this.shop.text(course, basics, "Guarded recipe", "Spelt and salt.");
		this.content.setPassword(course.producer(), secret.id(), "open sesame");
		String address = "10.9." + (int) (Math.random() * 250) + "." + (int) (1 + Math.random() * 250);

		Student ana = this.shop.student("Ana Guess");
		this.shop.buy(course, ana);
		WebClient browser = browser().from(address);
		browser.logIn(ana.email(), StudentShop.PASSWORD);
		for (int i = 1; i <= 10; i++) {
			Page wrong = browser.post(course.page(secret) + "/password", Map.of("password", "guess " + i));
			assertThat(wrong.status()).as("wrong guess %d", i).isEqualTo(200);
			assertThat(wrong.text()).contains("That is not the page’s password");
		}
		Page limited = browser.post(course.page(secret) + "/password", Map.of("password", "open sesame"));
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).matches("[0-9]+");
		assertThat(limited.text()).contains("Too many wrong passwords for this page").doesNotContain("Spelt and salt.");

		// two more students guess from the same address: 30 failures from it in all
		for (String name : new String[] { "Bia Guess", "Caio Guess" }) {
			Student other = this.shop.student(name);
			this.shop.buy(course, other);
			WebClient guesser = browser().from(address);
			guesser.logIn(other.email(), StudentShop.PASSWORD);
			for (int i = 1; i <= 10; i++) {
				guesser.post(course.page(secret) + "/password", Map.of("password", "guess " + i));
			}
		}
		Student dani = this.shop.student("Dani Guess");
		this.shop.buy(course, dani);
		WebClient sameNetwork = browser().from(address);
		sameNetwork.logIn(dani.email(), StudentShop.PASSWORD);
		assertThat(sameNetwork.post(course.page(secret) + "/password", Map.of("password", "open sesame")).status())
			.as("the address has used its allowance")
			.isEqualTo(429);
		WebClient elsewhere = logIn(dani);
		assertThat(elsewhere.submit(course.page(secret) + "/password", Map.of("password", "open sesame")).text())
			.as("from another address the student may try")
			.contains("Spelt and salt.");

		this.clock.advance(Duration.ofHours(1));
		Page later = browser.submit(course.page(secret) + "/password", Map.of("password", "open sesame"));
		assertThat(later.text()).as("an hour later").contains("Spelt and salt.");
	}

	@Test
	void studentsSeeAndWriteTheCommentsOfTheirOwnGroupOnly() {
		Course course = this.shop.course("Comment course");
		ClubModule basics = this.shop.module(course, "Basics");
		ClubPage page = this.shop.text(course, basics, "Welcome", "Say hello.");
		Group vip = this.groups.create(course.producer(), course.productId(), "VIP", false);
		Student ana = this.shop.student("Ana Comments");
		Student bruno = this.shop.student("Bruno Comments");
		this.shop.buy(course, ana);
		this.shop.buy(course, bruno);
		WebClient anaBrowser = logIn(ana);
		WebClient brunoBrowser = logIn(bruno);

		anaBrowser.get(course.page(page));
		Page posted = anaBrowser.submit(course.page(page) + "/comments", Map.of("body", "Hello from <i>Ana</i>"));
		assertThat(posted.text()).contains("Your comment was posted");
		assertThat(posted.document().select(".club-comment").text()).contains("Ana Comments")
			.contains("Hello from <i>Ana</i>");
		assertThat(brunoBrowser.get(course.page(page)).document().select(".club-comment").text())
			.contains("Hello from <i>Ana</i>");

		Page empty = anaBrowser.submit(course.page(page) + "/comments", Map.of("body", "   "));
		assertThat(empty.text()).contains("A comment has 1 to 2000 characters");
		Page tooLong = anaBrowser.submit(course.page(page) + "/comments", Map.of("body", "x".repeat(2001)));
		assertThat(tooLong.text()).contains("A comment has 1 to 2000 characters");
		assertThat(comments(page)).isOne();

		this.enrollments.move(course.producer(), course.productId(), List.of(enrollment(bruno, course)), vip.id());
		Page moved = brunoBrowser.get(course.page(page));
		assertThat(moved.document().select(".club-comment")).isEmpty();
		brunoBrowser.submit(course.page(page) + "/comments", Map.of("body", "Hello from the VIPs"));
		assertThat(brunoBrowser.get(course.page(page)).document().select(".club-comment").text())
			.contains("Hello from the VIPs")
			.doesNotContain("Ana");
		assertThat(anaBrowser.get(course.page(page)).document().select(".club-comment").text())
			.contains("Hello from <i>Ana</i>")
			.doesNotContain("VIPs");
	}

	@Test
	void progressPerModuleAndProductAndTheModuleCompletedEvent() {
		Course course = this.shop.course("Progress course");
		ClubModule basics = this.shop.module(course, "Basics");
		ClubPage one = this.shop.text(course, basics, "One", "1");
		ClubPage two = this.shop.text(course, basics, "Two", "2");
		ClubModule more = this.shop.module(course, "More");
		this.shop.text(course, more, "Three", "3");
		Student ana = this.shop.student("Ana Progress");
		this.shop.buy(course, ana);
		WebClient browser = logIn(ana);

		browser.get(course.page(one));
		Page done = browser.submit(course.page(one) + "/done", Map.of());
		assertThat(done.text()).contains("The page is marked as done").contains("You completed this page");
		assertThat(done.document().select("form[action$=/undone] button").text()).isEqualTo("Mark as not done");
		assertThat(browser.get(course.outline()).text()).contains("1 of 3 pages done (33%)")
			.contains("1 of 2 pages done (50%)");
		assertThat(this.jdbc.sql("SELECT count(*) FROM club_module_completions WHERE module_id = ?")
			.param(basics.id())
			.query(Integer.class)
			.single()).isZero();

		browser.get(course.page(two));
		browser.submit(course.page(two) + "/done", Map.of());
		Page outline = browser.get(course.outline());
		assertThat(outline.text()).contains("2 of 3 pages done (66%)").contains("2 of 2 pages done (100%)");
		assertThat(this.jdbc.sql("SELECT count(*) FROM club_module_completions WHERE module_id = ?")
			.param(basics.id())
			.query(Integer.class)
			.single()).isOne();

		browser.get(course.page(two));
		Page undone = browser.submit(course.page(two) + "/undone", Map.of());
		assertThat(undone.text()).contains("The page is marked as not done");
		assertThat(browser.get(course.outline()).text()).contains("1 of 3 pages done (33%)");
		browser.get(course.page(two));
		browser.submit(course.page(two) + "/done", Map.of());
		assertThat(this.jdbc.sql("SELECT count(*) FROM club_module_completions WHERE module_id = ?")
			.param(basics.id())
			.query(Integer.class)
			.single()).isOne();
		assertThat(browser.get("/club").text()).contains("2 of 3 pages done (66%)");
	}

	@Test
	void aRefundClosesTheProductAndSaysWhy() {
		Course course = this.shop.course("Refund course");
		ClubModule basics = this.shop.module(course, "Basics");
		ClubPage page = this.shop.text(course, basics, "Welcome", "Only for buyers.");
		Student ana = this.shop.student("Ana Refund");
		String transaction = this.shop.buy(course, ana);
		WebClient browser = logIn(ana);
		assertThat(browser.get(course.page(page)).text()).contains("Only for buyers.");

		this.refunds.refund(course.producer(), transaction);
		Eventually.until("access ends after the refund", () -> browser.get(course.outline()).status() == 403);
		Page mine = browser.get("/club");
		assertThat(mine.document().select(".club-closed").text()).contains("The purchase was refunded");
		assertThat(mine.document().select(".club-product a")).isEmpty();
		Page outline = browser.get(course.outline());
		assertThat(outline.status()).isEqualTo(403);
		assertThat(outline.text()).contains("The purchase was refunded").doesNotContain("Welcome");
		Page closed = browser.get(course.page(page));
		assertThat(closed.status()).isEqualTo(403);
		assertThat(closed.document().select("#lock-reasons li").eachText())
			.containsExactly("The purchase was refunded");
		assertThat(closed.text()).doesNotContain("Only for buyers.");
	}

	@Test
	void nobodyElseReadsThePageAndHiddenPagesAreNotFound() {
		Course course = this.shop.course("Private course");
		ClubModule basics = this.shop.module(course, "Basics");
		ClubPage page = this.shop.text(course, basics, "Welcome", "Members only.");
		ClubPage draft = this.shop.page(course, basics,
				new PageDetails("Draft", PageKind.TEXT, "Not ready.", null, false));
		ClubPage vipOnly = this.shop.text(course, basics, "VIP lounge", "VIP only.");
		this.content.setPageRule(course.producer(), defaultGroup(course), vipOnly.id(),
				new ContentRule(false, Drip.IMMEDIATE, Expiration.NEVER));
		Student ana = this.shop.student("Ana Member");
		this.shop.buy(course, ana);
		Student intruder = this.shop.student("Ivo Intruder");

		WebClient member = logIn(ana);
		Page outline = member.get(course.outline());
		assertThat(outline.document().select(".club-lesson").eachText()).containsExactly("Welcome");
		assertThat(member.get(course.page(draft)).status()).isEqualTo(404);
		assertThat(member.get(course.page(vipOnly)).status()).isEqualTo(404);
		assertThat(member.get("/club/" + course.subdomain() + "/pages/nosuchpage").status()).isEqualTo(404);

		WebClient other = logIn(intruder);
		assertThat(other.get(course.outline()).status()).isEqualTo(404);
		Page denied = other.get(course.page(page));
		assertThat(denied.status()).isEqualTo(404);
		assertThat(denied.text()).doesNotContain("Members only.");
		assertThat(other.get(course.page(page) + "/file").status()).isEqualTo(404);
		assertThat(other.get("/club").document().select(".club-product")).isEmpty();
		assertThat(other.get(course.path()).text()).contains("You have no products in this members area");

		// the page's address under another producer's area is not found either
		Course elsewhere = this.shop.course("Other course");
		assertThat(member.get(elsewhere.path() + "/pages/" + page.publicId()).status()).isEqualTo(404);
	}

	@Test
	void filesDownloadAsAttachmentsAndVideosEmbedKnownPlayersOnly() {
		Course course = this.shop.course("Media course");
		ClubModule basics = this.shop.module(course, "Basics");
		ClubPage file = this.shop.page(course, basics,
				new PageDetails("Recipe card", PageKind.FILE, "Print it.", null, true));
		this.content.putFile(course.producer(), file.id(), "recipe card.txt", "text/plain",
				"flour, water, salt".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		ClubPage youtube = this.shop.page(course, basics,
				new PageDetails("Shaping", PageKind.VIDEO, "", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", true));
		ClubPage other = this.shop.page(course, basics,
				new PageDetails("Scoring", PageKind.VIDEO, "", "https://videos.example.com/scoring.mp4", true));
		ClubPage link = this.shop.page(course, basics,
				new PageDetails("Flour shop", PageKind.LINK, "", "https://flour.example.com/", true));
		Student ana = this.shop.student("Ana Media");
		this.shop.buy(course, ana);
		WebClient browser = logIn(ana);

		Page filePage = browser.get(course.page(file));
		assertThat(filePage.document().select("#page-file").attr("href")).isEqualTo(course.page(file) + "/file");
		Page download = browser.get(course.page(file) + "/file");
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo("flour, water, salt");
		assertThat(download.header("Content-Disposition")).startsWith("attachment;").contains("recipe");

		Page video = browser.get(course.page(youtube));
		assertThat(video.document().select("iframe").attr("src"))
			.isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
		assertThat(video.document().select("iframe").attr("sandbox")).doesNotContain("allow-top-navigation");
		Page plain = browser.get(course.page(other));
		assertThat(plain.document().select("iframe")).isEmpty();
		assertThat(plain.document().select("a[href=https://videos.example.com/scoring.mp4]")).hasSize(1);
		assertThat(browser.get(course.page(link)).document().select("#page-link").attr("href"))
			.isEqualTo("https://flour.example.com/");
	}

	private long defaultGroup(Course course) {
		return this.groups.of(course.producer(), course.productId())
			.stream()
			.filter(Group::isDefault)
			.findFirst()
			.orElseThrow()
			.id();
	}

	private long enrollment(Student student, Course course) {
		return this.enrollments.ofAccount(student.id())
			.stream()
			.filter((e) -> e.productId() == course.productId())
			.findFirst()
			.orElseThrow()
			.id();
	}

	private int comments(ClubPage page) {
		return this.jdbc.sql("SELECT count(*) FROM club_comments WHERE page_id = ?")
			.param(page.id())
			.query(Integer.class)
			.single();
	}

	private WebClient logIn(Student student) {
		WebClient browser = browser();
		browser.logIn(student.email(), StudentShop.PASSWORD);
		return browser;
	}

	private WebClient browser() {
		return new WebClient(this.port).language("en");
	}

}
