package io.atrium.club;

import java.time.Instant;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Products;
import io.atrium.club.access.Drip;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleDetails;
import io.atrium.club.content.PageDetails;
import io.atrium.club.content.PageKind;
import io.atrium.club.content.PublicIds;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.EnrollmentSource;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Groups;
import io.atrium.club.groups.StudentFilter;
import io.atrium.club.internal.EnrollmentRows;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer in a real browser, on a desktop (1280 px) and on a phone (390 px): finds a
 * student by typing in the picker and gets the "why" answer, moves every student matching
 * a filter after a confirmation with the count, and edits a module's rules in one grid.
 * Every page passes axe-core, the CSP and the width checks.
 */
@AtriumIntegrationTest
@BrowserTest
class ProducerToolsBrowserTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Groups groups;

	@Autowired
	ClubContent content;

	@Autowired
	Enrollments enrollments;

	@Autowired
	EnrollmentRows rows;

	@Test
	void producerPicksAStudentMovesAFilterAndEditsTheGrid(Browser browser) {
		StudentsTabFixture fixture = new StudentsTabFixture(this.accounts, this.products, this.groups, this.content,
				this.enrollments);
		StudentsTabFixture.Producer producer = fixture.producer("Tools Producer");
		browser.open("/login").fill("E-mail", producer.email()).fill("Password", StudentsTabFixture.PASSWORD);
		browser.click("button[type=submit].btn-primary");
		browser.waitForPath("/business");

		journey(browser, fixture, producer, "Desktop course");
		browser.phone();
		journey(browser, fixture, producer, "Phone course");
	}

	private void journey(Browser browser, StudentsTabFixture fixture, StudentsTabFixture.Producer producer,
			String name) {
		StudentsTabFixture.Course course = fixture.course(producer, name);
		ClubModule module = this.content.addModule(producer.id(), course.productId(),
				new ModuleDetails("Basics", false, true));
		ClubPage lesson = this.content.addPage(producer.id(), module.id(),
				new PageDetails("Lesson", PageKind.TEXT, "Text", null, true));
		Enrollment ana = fixture.student(course, "Ana Souza", StudentsTabFixture.unique("ana"), course.defaultGroup());
		fixture.student(course, "Bruno Lima", StudentsTabFixture.unique("bruno"), course.defaultGroup());
		Instant now = Instant.now();
		for (int i = 0; i < 60; i++) {
			this.rows.insert(PublicIds.next(), course.productId(), producer.id(),
					8_000_000_000L + i * 1000L + now.getNano() % 997,
					"bulk-" + i + "-" + now.toEpochMilli() + "@example.com", "Bulk Student " + i, course.defaultGroup(),
					EnrollmentSource.IMPORTED, now, null, null, null, now);
		}

		// the picker: typing shows the matches, choosing one opens the why answer
		browser.open(course.path() + "/why?page=" + lesson.id());
		browser.fill("Student", "an");
		WebElement option = browser.waitFor("#student-option-" + ana.id());
		assertThat(option.getText()).contains("Ana Souza", ana.email());
		assertThat(browser.driver().findElement(By.id("student-q-options")).getText()).doesNotContain("Bruno");
		WebElement input = browser.driver().findElement(By.id("student-q"));
		assertThat(input.getDomAttribute("role")).isEqualTo("combobox");
		assertThat(input.getDomAttribute("aria-expanded")).isEqualTo("true");
		input.sendKeys(Keys.ARROW_DOWN);
		assertThat(input.getDomAttribute("aria-activedescendant")).isEqualTo("student-option-" + ana.id());
		input.sendKeys(Keys.ENTER);
		browser.waitFor("#why-decision");
		browser.checkPage();
		assertThat(browser.text()).contains("Ana Souza can open “Lesson” now.");
		assertThat(browser.driver().findElement(By.id("student-q")).getDomProperty("value"))
			.isEqualTo("Ana Souza (" + ana.email() + ")");
		browser.click("Open Ana Souza’s page");
		assertThat(browser.heading()).isEqualTo("Ana Souza");
		assertThat(browser.text()).contains("0 of 1 pages (0%)", "Default");

		// every student matching the filter, after a confirmation with the count
		browser.open(course.path() + "/students?q=bulk-");
		assertThat(browser.text()).contains("Students (60)");
		browser.check("All 60 students matching these filters, not only the ticked ones");
		browser.select("Target group", "VIP");
		browser.click("Change group");
		assertThat(browser.heading()).isEqualTo("Apply to every matching student");
		assertThat(browser.text()).contains("60 students match these filters now.", "Move them to the group VIP.");
		browser.click("Apply to 60 students");
		browser.waitForText("Done: 60 students changed.");
		assertThat(this.enrollments.count(producer.id(), course.productId(),
				new StudentFilter("bulk-", course.vip(), null)))
			.isEqualTo(60);

		// the module's rules in one grid
		browser.open(course.path() + "/rules");
		browser.click("#grid-link-" + module.id());
		assertThat(browser.text()).contains("Rules of the module Basics, every page and group");
		String cell = "c-m" + module.id() + "-" + course.vip();
		WebElement days = browser.driver().findElement(By.id(cell + "-dripDays"));
		assertThat(days.isDisplayed()).as("the days field shows only for a release in days").isFalse();
		browser.select(cell + "-drip", "DAYS");
		assertThat(days.isDisplayed()).isTrue();
		browser.fill(cell + "-dripDays", "5");
		browser.click("Save every rule");
		browser.waitForText("The rules of the module Basics were saved (1 changed).");
		assertThat(
				this.content.rules(producer.id(), course.productId()).module(module.id(), course.vip()).rule().drip())
			.isEqualTo(Drip.afterDays(5));
	}

}
