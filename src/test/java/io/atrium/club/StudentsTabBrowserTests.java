package io.atrium.club;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Products;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.Expiration;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubPage;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Groups;
import io.atrium.club.groups.StudentFilter;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer in a real browser imports students from a CSV file with a broken row, waits
 * for the report, moves students in bulk and asks why a student cannot open a page. Every
 * page passes axe-core and the CSP.
 */
@AtriumIntegrationTest
@BrowserTest
class StudentsTabBrowserTests {

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

	@Test
	void producerImportsMovesAndAsksWhy(Browser browser) throws Exception {
		StudentsTabFixture fixture = new StudentsTabFixture(this.accounts, this.products, this.groups, this.content,
				this.enrollments);
		StudentsTabFixture.Producer producer = fixture.producer("Browser Producer");
		StudentsTabFixture.Course course = fixture.course(producer, "Drawing");
		ClubPage page = fixture.page(course, "Lines", "Perspective");
		this.content.setPageRule(producer.id(), course.defaultGroup(), page.id(),
				new ContentRule(false, Drip.IMMEDIATE, Expiration.NEVER));
		String ana = StudentsTabFixture.unique("ana");
		String bruno = StudentsTabFixture.unique("bruno");
		Path csv = Files.createTempFile("students", ".csv");
		Files.writeString(csv, "email,name,group\n" + ana + ",Ana Souza,\n" + bruno + ",Bruno Lima,Default\n"
				+ "broken-address,Nobody,\n", StandardCharsets.UTF_8);

		browser.open("/login").fill("E-mail", producer.email()).fill("Password", StudentsTabFixture.PASSWORD);
		browser.click("button[type=submit].btn-primary");
		browser.waitForPath("/business");

		browser.open(course.path() + "/students");
		assertThat(browser.heading()).isEqualTo("Students of Drawing");
		browser.click("Import from CSV");
		browser.driver().findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
		browser.click("#student-import-form button[type=submit]");
		browser.waitForText("Done: 3 rows, 2 students created, 0 updated, 1 refused.");
		assertThat(browser.driver().findElement(By.cssSelector("#import-report tr[data-line='4']")).getText())
			.contains("broken-address", "Refused", "The e-mail address “broken-address” is not valid.");
		assertThat(browser.driver().findElements(By.cssSelector("#import-report tr[data-outcome=CREATED]"))).hasSize(2);
		Files.delete(csv);

		browser.click("Back to the students");
		assertThat(browser.text()).contains("Students (2)", "Ana Souza", "Bruno Lima");
		browser.check("Select Ana Souza (" + ana + ")");
		browser.check("Select every student on this page");
		assertThat(browser.driver().findElements(By.cssSelector("#students input[name=student]:checked"))).hasSize(2);
		browser.select("Target group", "VIP");
		browser.click("Change group");
		browser.waitForText("2 students moved to the group VIP.");

		browser.select("Group", "Default");
		browser.click("#student-filters button[type=submit]");
		browser.waitForText("No students match these filters.");

		browser.open(course.path() + "/students");
		browser.click("a[href*='/club/why?student=']");
		assertThat(browser.heading()).isEqualTo("Why can’t this student see this page?");
		browser.select("Page", "Perspective");
		browser.click("Explain");
		assertThat(browser.text()).contains("Ana Souza can open “Perspective” now.");
		assertThat(browser.driver().findElement(By.id("student-q")).getDomProperty("value"))
			.isEqualTo("Ana Souza (" + ana + ")");
		this.enrollments.move(producer.id(), course.productId(),
				java.util.List.of(this.enrollments
					.list(producer.id(), course.productId(), new StudentFilter(ana, null, null), 0, 1)
					.students()
					.get(0)
					.id()),
				course.defaultGroup());
		browser.click("Explain");
		assertThat(browser.text()).contains("Ana Souza cannot open this page now, for this reason:",
				"Not part of this student’s group", "Change the access rules");

		// on a phone the students table scrolls inside its own box; the page does not
		browser.phone().open(course.path() + "/students");
		assertThat(browser.text()).contains("Ana Souza", "Bruno Lima");
		WebElement box = browser.driver().findElement(By.cssSelector("#students")).findElement(By.xpath(".."));
		assertThat(box.getDomAttribute("class")).contains("table-responsive");
		assertThat(box.getCssValue("overflow-x")).isEqualTo("auto");
		assertThat(Integer.parseInt(box.getDomProperty("scrollWidth"))).as("the table is wider than its box")
			.isGreaterThan(Integer.parseInt(box.getDomProperty("clientWidth")));
		assertThat(box.getDomAttribute("tabindex")).as("the keyboard can scroll it").isEqualTo("0");
		assertThat(box.getAccessibleName()).isEqualTo("Students of the product, with their group, status and progress");
		browser.open(course.path() + "/students/import").open(course.path() + "/why");
	}

}
