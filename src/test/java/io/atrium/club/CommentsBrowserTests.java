package io.atrium.club;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.club.StudentShop.Course;
import io.atrium.club.StudentShop.Student;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubPage;
import io.atrium.club.groups.Enrollments;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation under a lesson, on a desktop and on a phone: a student asks a question,
 * the producer answers it from the unanswered list (htmx swaps it in place), the student
 * sees the badged reply under her question and replies in the thread. Every page passes
 * axe-core and fits the width.
 */
@AtriumIntegrationTest
@BrowserTest
class CommentsBrowserTests {

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

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "phone" })
	void aStudentAsksTheProducerAnswersFromTheUnansweredListAndTheStudentSeesTheThread(String size, Browser browser) {
		StudentShop shop = new StudentShop(this.accounts, this.products, this.offers, this.checkout, this.areas,
				this.content, this.enrollments);
		Course course = shop.course("Sourdough " + size);
		ClubPage page = shop.text(course, shop.module(course, "Basics"), "Levain", "Feed the starter daily.");
		Student ana = shop.student("Ana Souza");
		shop.buy(course, ana);
		if (size.equals("phone")) {
			browser.phone();
		}

		// the student asks
		logIn(browser, ana.email());
		browser.open(course.page(page) + "?lang=en");
		assertThat(browser.text()).contains("No comments yet.");
		browser.fill("Your comment", "How warm should the kitchen be?").click("Post the comment");
		assertThat(browser.text()).contains("Your comment was posted.").contains("How warm should the kitchen be?");
		WebElement thread = browser.driver().findElement(By.cssSelector(".club-thread"));
		String threadId = thread.getAttribute("id");
		assertThat(thread.getText()).contains("Ana Souza");

		// the producer answers from the unanswered list
		logIn(browser, course.producerEmail());
		browser.open("/business/club/questions");
		assertThat(browser.heading()).contains("Unanswered questions");
		assertThat(browser.text()).contains("How warm should the kitchen be?")
			.contains("Sourdough " + size + " · Levain")
			.contains("Ana Souza");
		browser.fill("Your reply to Ana Souza", "Around 24 °C is ideal.").click("Send the reply");
		browser.waitForText("Your reply was posted.");
		assertThat(browser.text()).doesNotContain("How warm should the kitchen be?");
		browser.open("/business/club/questions");
		assertThat(browser.text()).contains("No question waits for an answer.");
		assertThat(browser.driver().findElement(By.id("questions-count")).getText()).isEqualTo("0");

		// the student sees the reply under her question, and replies in the thread
		logIn(browser, ana.email());
		browser.open(course.page(page));
		WebElement replies = browser.driver().findElement(By.cssSelector("#" + threadId + " .club-replies"));
		assertThat(replies.getText()).contains("Bela Baker").contains("Producer").contains("Around 24 °C is ideal.");
		browser.click("#" + threadId + " summary");
		browser.fill("Your reply to Ana Souza", "Thank you!").click("Send the reply");
		assertThat(browser.text()).contains("Your reply was posted.");
		assertThat(browser.driver().findElement(By.cssSelector("#" + threadId + " .club-replies")).getText())
			.containsSubsequence("Around 24 °C is ideal.", "Thank you!");
	}

	private static void logIn(Browser browser, String email) {
		browser.driver().manage().deleteAllCookies();
		browser.open("/login?lang=en");
		browser.fill("E-mail", email).fill("Password", StudentShop.PASSWORD).click("button[type=submit].btn-primary");
	}

}
