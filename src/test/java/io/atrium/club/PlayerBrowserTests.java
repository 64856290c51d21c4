package io.atrium.club;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import io.atrium.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student walks through the course player in Chromium, at 1280 px and at 390 px: the
 * course card with its generated cover and "continue", the curriculum with ticks and the
 * date a dripped lesson opens, Markdown content with a download, "mark as done" ticking
 * the sidebar without leaving the page, "next" skipping the locked lesson, and on a phone
 * the curriculum in a drawer. Every page passes axe-core. With
 * {@code ATRIUM_SCREENSHOTS=true} (environment or system property) it saves the README's
 * screenshots under {@code docs/images/}.
 */
@AtriumIntegrationTest
@BrowserTest
class PlayerBrowserTests {

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

	@Autowired
	Groups groups;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aStudentWalksThroughTheCoursePlayerOnADesktopAndAPhone(Browser browser) throws IOException {
		StudentShop shop = new StudentShop(this.accounts, this.products, this.offers, this.checkout, this.areas,
				this.content, this.enrollments);
		Course course = shop.course("Sourdough Masterclass");
		ClubModule start = shop.module(course, "Getting started");
		ClubPage welcome = shop.text(course, start, "Welcome to the course", """
				## What you will bake

				Over **four weeks** you will bake a *real* country loaf.

				- Feed a starter
				- Shape and score
				- Bake in a home oven

				| Day | Task |
				|---|---|
				| 1 | Mix the starter |
				| 2 | Feed it |

				> Patience is the secret ingredient.""");
		this.content.attach(course.producer(), welcome.id(), "shopping-list.txt", "text/plain",
				"flour, water, salt".getBytes(StandardCharsets.UTF_8));
		shop.text(course, start, "Your first starter", "Mix 50 g of flour with 50 g of water.\n\nWait a day.");
		ClubPage shaping = shop.text(course, start, "Week two: shaping", "Shape the dough.");
		shop.text(course, start, "Scoring the loaf", "A sharp blade and one confident cut.");
		ClubModule bake = shop.module(course, "Baking day");
		shop.text(course, bake, "The bake", "Preheat to 250 °C.");
		shop.text(course, bake, "Troubleshooting", "Flat loaf? Feed the starter more often.");
		long group = this.groups.of(course.producer(), course.productId())
			.stream()
			.filter(Group::isDefault)
			.findFirst()
			.orElseThrow()
			.id();
		this.content.setPageRule(course.producer(), group, shaping.id(),
				new ContentRule(true, Drip.afterDays(7), Expiration.NEVER));
		Student ana = shop.student("Ana Souza");
		shop.buy(course, ana);

		browser.open("/login?lang=en").fill("E-mail", ana.email()).fill("Password", StudentShop.PASSWORD);
		browser.click("button[type=submit].btn-primary");
		browser.open("/club");

		// the card: a generated cover, progress with its label, and "continue"
		assertThat(browser.driver().findElement(By.cssSelector(".player-cover-generated")).getText()).isEqualTo("SM");
		assertThat(browser.driver().findElement(By.cssSelector(".club-progress-bar")).getAttribute("aria-label"))
			.isEqualTo("Progress in Sourdough Masterclass");
		assertThat(browser.text()).contains("0 of 6 pages done (0%)");
		browser.click("Continue: Welcome to the course");

		// the player at 1280 px: curriculum beside the lesson
		assertThat(browser.heading()).isEqualTo("Welcome to the course");
		WebElement curriculum = browser.driver().findElement(By.id("player-curriculum"));
		assertThat(curriculum.isDisplayed()).isTrue();
		assertThat(browser.driver().findElement(By.id("player-drawer-toggle")).isDisplayed()).isFalse();
		assertThat(curriculum.findElement(By.cssSelector("a[aria-current=page]")).getText())
			.startsWith("Welcome to the course");
		WebElement locked = lesson(browser, "Week two: shaping");
		assertThat(locked.findElements(By.cssSelector(".player-lock"))).hasSize(1);
		assertThat(locked.getText()).contains("Opens on").contains("(America/Sao_Paulo)");
		assertThat(locked.findElements(By.tagName("a"))).isEmpty();
		// Markdown content and the download
		assertThat(browser.driver().findElements(By.cssSelector(".player-body h2"))).hasSize(1);
		assertThat(browser.driver().findElements(By.cssSelector(".player-body table td"))).hasSize(4);
		assertThat(browser.driver().findElement(By.cssSelector(".player-body strong")).getText())
			.isEqualTo("four weeks");
		assertThat(browser.driver().findElement(By.cssSelector(".player-attachment")).getText())
			.contains("shopping-list.txt");

		// mark as done: the sidebar ticks the lesson without leaving the page
		assertThat(lesson(browser, "Welcome to the course").findElements(By.cssSelector(".player-tick"))).isEmpty();
		browser.click("Mark as done");
		browser.waitFor(".player-lesson-current .player-tick");
		browser.waitForText("You completed this page");
		assertThat(browser.text()).contains("1 of 6 pages done (16%)");
		screenshot(browser, "student-player-desktop.png");

		browser.click("Next: Your first starter");
		browser.click("Mark as done");
		browser.waitFor(".player-lesson-current .player-tick");
		// next skips the locked lesson; previous goes back
		assertThat(browser.driver().findElement(By.cssSelector("a[rel=next]")).getText())
			.isEqualTo("Next: Scoring the loaf");
		browser.click("Next: Scoring the loaf");
		assertThat(browser.driver().findElement(By.cssSelector("a[rel=prev]")).getText())
			.isEqualTo("Previous: Your first starter");
		assertThat(lesson(browser, "Your first starter").findElements(By.cssSelector(".player-tick"))).hasSize(1);

		// at 390 px: the curriculum is a drawer
		browser.phone().open(browser.path());
		assertThat(browser.driver().findElement(By.id("player-curriculum")).isDisplayed()).isFalse();
		WebElement toggle = browser.driver().findElement(By.id("player-drawer-toggle"));
		assertThat(toggle.isDisplayed()).isTrue();
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		screenshot(browser, "student-player-phone.png");
		browser.click("#player-drawer-toggle");
		browser.waitFor("#player-curriculum");
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(browser.driver().findElement(By.id("player-curriculum")).getText()).contains("Opens on")
			.contains("Troubleshooting");
		browser.checkPage();
		browser.click("#player-drawer-close");
		assertThat(browser.driver().findElement(By.id("player-curriculum")).isDisplayed()).isFalse();
		browser.click("#player-drawer-toggle");
		browser.click("The bake");
		assertThat(browser.heading()).isEqualTo("The bake");
		browser.open("/club");
		assertThat(browser.text()).contains("2 of 6 pages done (33%)");
		assertThat(browser.driver().findElement(By.cssSelector("a.player-continue")).getText())
			.isEqualTo("Continue: The bake");

		// a week later the dripped lesson opens and "next" no longer skips it
		this.clock.advance(Duration.ofDays(8));
		browser.desktop().open(course.page(welcome));
		browser.click("Next: Your first starter");
		assertThat(browser.driver().findElement(By.cssSelector("a[rel=next]")).getText())
			.isEqualTo("Next: Week two: shaping");
	}

	private static WebElement lesson(Browser browser, String name) {
		List<WebElement> lessons = browser.driver().findElements(By.cssSelector("#player-curriculum .player-lesson"));
		return lessons.stream()
			.filter((l) -> l.getText().startsWith(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No lesson " + name + " in the curriculum"));
	}

	/**
	 * Saves the README's screenshot when asked to ({@code ATRIUM_SCREENSHOTS=true}), so
	 * ordinary runs leave the tree clean.
	 */
	private static void screenshot(Browser browser, String name) throws IOException {
		String wanted = System.getProperty("ATRIUM_SCREENSHOTS", System.getenv("ATRIUM_SCREENSHOTS"));
		if (!"true".equalsIgnoreCase(wanted)) {
			return;
		}
		Path file = Path.of("docs", "images", name);
		Files.createDirectories(file.getParent());
		Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
	}

}
