package io.atrium.club;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.club.ProducerClubShop.Producer;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleDetails;
import io.atrium.club.content.PageDetails;
import io.atrium.club.content.PageKind;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Groups;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer in a real browser shapes a product's members area: creates a group, links an
 * offer to it, sets a drip and an expiration in the access-rule table, and deletes the
 * group, seeing its student move to the default group. Every page passes axe-core.
 */
@AtriumIntegrationTest
@BrowserTest
class ProducerClubBrowserTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Enrollments enrollments;

	@Autowired
	Groups groups;

	@Autowired
	ClubContent content;

	@Test
	void producerCreatesAGroupLinksAnOfferSetsRulesAndDeletesTheGroup(Browser browser) {
		ProducerClubShop shop = new ProducerClubShop(this.accounts, this.products, this.offers, this.enrollments);
		Producer producer = shop.producer();
		long productId = shop.product(producer, "Sourdough Masterclass");
		Offer offer = shop.offer(producer, productId, "Launch price");
		ClubModule module = this.content.addModule(producer.id(), productId, new ModuleDetails("Basics", false, true));
		this.content.addPage(producer.id(), module.id(), new PageDetails("Welcome", PageKind.TEXT, "Hi", null, true));

		browser.driver().manage().window().setSize(new Dimension(1280, 1600));
		browser.open("/login")
			.fill("E-mail", producer.email())
			.fill("Password", ProducerClubShop.PASSWORD)
			.click("button[type=submit].btn-primary");
		browser.waitForPath("/business");
		browser.open("/business/products/" + productId);
		browser.click("#product-club-link");
		assertThat(browser.heading()).isEqualTo("Members area: Sourdough Masterclass");
		assertThat(browser.text()).contains("Basics", "Welcome");

		browser.click("Groups");
		browser.fill("Group name", "VIP").click("Create group");
		assertThat(browser.text()).contains("The group “VIP” was created.");
		long vip = this.groups.of(producer.id(), productId)
			.stream()
			.filter((g) -> g.name().equals("VIP"))
			.findFirst()
			.orElseThrow()
			.id();
		shop.student(producer, productId, vip, "Vera Student");

		browser.open("/business/products/" + productId + "/club/groups");
		browser.select("offer-for-" + vip, offer.id() + "").click("Link the chosen offer to VIP");
		assertThat(browser.text()).contains("The offer “Launch price” is now linked to the group “VIP”.");

		browser.click("Access rules");
		browser.click("Edit the rule of Basics for VIP");
		browser.check("drip-days").fill("dripDays", "7").check("expire-date");
		((JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById('expireDate').value = '2026-12-03';");
		browser.click("Save rule");
		assertThat(browser.text()).contains("The rule of “Basics” for the group VIP was saved.");
		String cell = browser.driver()
			.findElement(By.cssSelector("tr[data-item=M" + module.id() + "] td[data-group-id='" + vip + "']"))
			.getText();
		assertThat(cell).contains("Release: 7 days after start",
				"Expires: on Dec 3, 2026, 12:00 AM (America/Sao_Paulo)");

		browser.click("Groups");
		assertThat(browser.driver().findElement(By.cssSelector("tr[data-group-name=VIP] .atrium-students")).getText())
			.isEqualTo("1");
		browser.click("Delete the group VIP");
		assertThat(browser.text()).contains("Its one student moves to the default group “Default”");
		browser.click("Delete the group");
		assertThat(browser.text()).contains("The group “VIP” was deleted; one student moved to the default group.");
		assertThat(
				browser.driver().findElement(By.cssSelector("tr[data-group-name=Default] .atrium-students")).getText())
			.isEqualTo("1");
		// the other producer pages pass axe-core too
		long page = this.content.content(producer.id(), productId).get(0).pages().get(0).id();
		String club = "/business/products/" + productId + "/club";
		browser.open("/business/club").open(club + "/modules/new").open(club + "/modules/" + module.id() + "/edit");
		browser.open(club + "/pages/" + page + "/edit").open(club + "/pages/" + page + "/comments");
		browser.open(club + "/pages/" + page + "/delete")
			.open(club + "/rules/pages/" + page + "/groups/" + this.groups.of(producer.id(), productId).get(0).id());
		ClubPage file = this.content.addPage(producer.id(), module.id(),
				new PageDetails("Recipe", PageKind.FILE, "", null, true));
		browser.open(club + "/pages/" + file.id() + "/edit");
		assertThat(browser.text()).contains("No file uploaded yet");
		browser.open(club + "/groups");
		// the deleted group's offer is linked to no group now: its buyers join the
		// default group
		assertThat(browser.driver().findElements(By.cssSelector("li[data-offer-code]"))).isEmpty();
	}

}
