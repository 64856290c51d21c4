package io.atrium.club;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.club.ProducerClubShop.Producer;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.RuleTable;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleContent;
import io.atrium.club.content.ModuleDetails;
import io.atrium.club.content.PageDetails;
import io.atrium.club.content.PageKind;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.WebClient;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer manages a product's members area through the pages over real HTTP: content,
 * groups, offer links, the access-rule table and comments; refusals come back as a
 * message with nothing changed, and another producer's ids answer 404.
 */
@AtriumIntegrationTest
class ProducerClubIntegrationTests {

	@LocalServerPort
	int port;

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

	@Autowired
	JdbcClient jdbc;

	ProducerClubShop shop;

	@BeforeEach
	void shop() {
		this.shop = new ProducerClubShop(this.accounts, this.products, this.offers, this.enrollments);
	}

	WebClient logIn(Producer producer) {
		WebClient web = new WebClient(this.port);
		assertThat(web.logIn(producer.email(), ProducerClubShop.PASSWORD).path()).isEqualTo("/business");
		return web;
	}

	static String club(long productId) {
		return "/business/products/" + productId + "/club";
	}

	@Test
	void theAreaSettingsShowTheAddressAndChangeIt() {
		Producer producer = this.shop.producer();
		long productId = this.shop.product(producer, "Pottery");
		WebClient web = logIn(producer);
		assertThat(web.get("/business").text()).contains("Members area settings");
		assertThat(web.get("/business/products/" + productId).document().selectFirst("#product-club-link").attr("href"))
			.isEqualTo(club(productId));

		WebClient.Page page = web.get("/business/club");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("reverse proxy", "Pottery");
		String subdomain = "pottery-" + producer.id();
		WebClient.Page saved = web.submit("/business/club", Map.of("subdomain", subdomain, "name", "Clay School"));
		assertThat(saved.text()).contains("The members area was saved.");
		assertThat(saved.document().selectFirst("#club-address").attr("href")).isEqualTo("/club/" + subdomain);

		WebClient.Page bad = web.post("/business/club", Map.of("subdomain", "No Spaces!", "name", "Clay School"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text()).contains("The address must have 3 to 40 lowercase letters");
		web.get("/business/club");
		WebClient.Page noName = web.post("/business/club", Map.of("subdomain", subdomain, "name", " "));
		assertThat(noName.status()).isEqualTo(400);
		assertThat(noName.text()).contains("Enter a name of 1 to 100 characters.");
		web.get("/business/club");
		WebClient.Page both = web.post("/business/club", Map.of("subdomain", "x", "name", ""));
		assertThat(both.text()).as("one message, the address first")
			.contains("The address must have 3 to 40 lowercase letters")
			.doesNotContain("Enter a name of 1 to 100 characters.");
		assertThat(web.get("/business/club").document().selectFirst("#club-address").attr("href"))
			.isEqualTo("/club/" + subdomain);
	}

	@Test
	void aProducerEditsContentGroupsAndRules() {
		Producer producer = this.shop.producer();
		long productId = this.shop.product(producer, "Bread baking");
		WebClient web = logIn(producer);

		assertThat(web.get(club(productId)).text()).contains("This product has no modules yet.");
		web.get(club(productId) + "/modules/new");
		WebClient.Page created = web.submit(club(productId) + "/modules",
				Map.of("name", "Basics", "published", "true"));
		assertThat(created.text()).contains("The module “Basics” was created.");
		web.submit(club(productId) + "/modules", Map.of("name", "Bonus", "extra", "true", "published", "true"));
		web.submit(club(productId) + "/modules", Map.of("name", "Advanced", "published", "true"));
		WebClient.Page blankModule = web.post(club(productId) + "/modules", Map.of("name", "  ", "published", "true"));
		assertThat(blankModule.status()).isEqualTo(400);
		assertThat(blankModule.document().selectFirst("#name-error").text()).isEqualTo("Enter a name.");
		List<ModuleContent> tree = this.content.content(producer.id(), productId);
		assertThat(tree).extracting((mc) -> mc.module().name()).containsExactly("Basics", "Advanced", "Bonus");
		long basics = tree.get(0).module().id();
		WebClient.Page longPage = web.post(club(productId) + "/modules/" + basics + "/pages",
				Map.of("name", "x".repeat(101), "kind", "TEXT", "body", "", "mediaUrl", "", "published", "true"));
		assertThat(longPage.status()).isEqualTo(400);
		assertThat(longPage.document().selectFirst("#name-error").text())
			.isEqualTo("A name can have at most 100 characters.");
		long advanced = tree.get(1).module().id();

		web.submit(club(productId) + "/modules/" + advanced + "/move", Map.of("step", "-1"));
		assertThat(this.content.content(producer.id(), productId)).extracting((mc) -> mc.module().name())
			.containsExactly("Advanced", "Basics", "Bonus");

		WebClient.Page page = web.submit(club(productId) + "/modules/" + basics + "/pages",
				Map.of("name", "Welcome", "kind", "TEXT", "body", "Hello", "mediaUrl", "", "published", "true"));
		assertThat(page.text()).contains("The page “Welcome” was created.");
		web.submit(club(productId) + "/modules/" + basics + "/pages", Map.of("name", "Starter dough", "kind", "VIDEO",
				"body", "", "mediaUrl", "https://video.example/1", "published", "true"));
		WebClient.Page badPage = web.post(club(productId) + "/modules/" + basics + "/pages",
				Map.of("name", "Broken", "kind", "VIDEO", "body", "", "mediaUrl", "ftp://x", "published", "true"));
		assertThat(badPage.status()).isEqualTo(400);
		assertThat(badPage.text()).contains("The address must be a full http:// or https:// address.");
		List<ClubPage> pages = this.content.content(producer.id(), productId).get(1).pages();
		assertThat(pages).extracting(ClubPage::name).containsExactly("Welcome", "Starter dough");
		long welcome = pages.get(0).id();
		long dough = pages.get(1).id();

		web.get(club(productId) + "/pages/" + welcome + "/edit");
		web.submit(club(productId) + "/pages/" + welcome + "/password", Map.of("password", "open sesame"));
		assertThat(this.content.page(producer.id(), welcome).passwordProtected()).isTrue();
		web.submit(club(productId) + "/pages/" + welcome + "/password", Map.of("password", "", "remove", "true"));
		assertThat(this.content.page(producer.id(), welcome).passwordProtected()).isFalse();

		WebClient.Page moduleNotEmpty = web.post(club(productId) + "/modules/" + basics + "/delete", Map.of());
		assertThat(moduleNotEmpty.status()).isEqualTo(400);
		assertThat(moduleNotEmpty.text()).contains("Delete or move the module’s pages first.", "Nothing was changed.");

		assertThat(web.get(club(productId) + "/pages/" + dough + "/delete").text())
			.contains("Delete the page “Starter dough”?");
		web.submit(club(productId) + "/pages/" + dough + "/delete", Map.of());
		assertThat(this.content.content(producer.id(), productId).get(1).pages()).hasSize(1);

		web.get(club(productId) + "/groups");
		WebClient.Page groupsPage = web.submit(club(productId) + "/groups", Map.of("name", "VIP"));
		assertThat(groupsPage.text()).contains("The group “VIP” was created.", "Default");
		long vip = groupId(producer, productId, "VIP");
		WebClient.Page taken = web.post(club(productId) + "/groups", Map.of("name", "vip"));
		assertThat(taken.status()).isEqualTo(400);
		assertThat(taken.text()).contains("The product already has a group named vip.");
		WebClient.Page longGroup = web.post(club(productId) + "/groups", Map.of("name", "g".repeat(61)));
		assertThat(longGroup.status()).isEqualTo(400);
		assertThat(longGroup.document().selectFirst("#name-error").text())
			.isEqualTo("A group name can have at most 60 characters.");
		web.get(club(productId) + "/groups/" + vip + "/edit");
		WebClient.Page blankRename = web.post(club(productId) + "/groups/" + vip, Map.of("name", " "));
		assertThat(blankRename.status()).isEqualTo(400);
		assertThat(blankRename.document().selectFirst("#name-error").text()).isEqualTo("Enter the group’s name.");

		WebClient.Page rules = web.get(club(productId) + "/rules");
		Element cell = cell(rules, "M" + basics, vip);
		assertThat(cell.text()).contains("Visible", "Release: immediately", "Expires: never");
		String moduleRule = club(productId) + "/rules/modules/" + basics + "/groups/" + vip;
		assertThat(cell.selectFirst("a").attr("href")).isEqualTo(moduleRule);

		web.get(moduleRule);
		web.submit(moduleRule, rule("DAYS", "7", "", "DAYS", "30", ""));
		rules = web.get(club(productId) + "/rules");
		assertThat(cell(rules, "M" + basics, vip).text()).contains("Release: 7 days after start",
				"Expires: 30 days after start");
		assertThat(cell(rules, "P" + welcome, vip).text()).contains("7 days after start", "Follows the module");

		String pageRule = club(productId) + "/rules/pages/" + welcome + "/groups/" + vip;
		web.get(pageRule);
		web.submit(pageRule, rule("DATE", "", "2026-12-03", "DATE", "", "2027-01-31"));
		rules = web.get(club(productId) + "/rules");
		assertThat(cell(rules, "P" + welcome, vip).text()).contains(
				"Release: on Dec 3, 2026, 12:00 AM (America/Sao_Paulo)",
				"Expires: on Jan 31, 2027, 12:00 AM (America/Sao_Paulo)", "Own rule");
		ContentRule saved = this.content.rules(producer.id(), productId).page(welcome, vip).rule();
		assertThat(saved.drip().date()).isEqualTo(Instant.parse("2026-12-03T03:00:00Z"));
		assertThat(saved.expiration().date()).isEqualTo(Instant.parse("2027-01-31T03:00:00Z"));

		WebClient.Page zeroDays = web.post(moduleRule, rule("DAYS", "0", "", "NEVER", "", ""));
		assertThat(zeroDays.status()).isEqualTo(400);
		assertThat(zeroDays.document().selectFirst("#dripDays-error").text())
			.isEqualTo("Enter a whole number of days from 1 to 3,650.");
		WebClient.Page noDate = web.post(pageRule, rule("IMMEDIATE", "", "", "DATE", "", ""));
		assertThat(noDate.status()).isEqualTo(400);
		assertThat(noDate.document().selectFirst("#expireDate-error").text())
			.isEqualTo("Enter a date as yyyy-mm-dd, between the years 2000 and 2199.");
		WebClient.Page farDate = web.post(pageRule, rule("DATE", "", "+999999999-12-31", "NEVER", "", ""));
		assertThat(farDate.status()).isEqualTo(400);
		assertThat(farDate.document().selectFirst("#dripDate-error").text())
			.isEqualTo("Enter a date as yyyy-mm-dd, between the years 2000 and 2199.");
		WebClient.Page nul = web.post(pageRule, rule("DATE", "", "2027-01-01\u0000", "NEVER", "", ""));
		assertThat(nul.status()).isEqualTo(400);
		web.get(moduleRule);
		WebClient.Page textDays = web.post(moduleRule, rule("IMMEDIATE", "", "", "DAYS", "ten", ""));
		assertThat(textDays.status()).isEqualTo(400);
		assertThat(textDays.document().selectFirst("#expireDays-error").text())
			.isEqualTo("Enter a whole number of days from 1 to 3,650.");
		Map<String, String> noPage = new HashMap<>(rule("AFTER_PAGE", "", "", "NEVER", "", ""));
		noPage.put("dripPageId", "first");
		WebClient.Page noPageChosen = web.post(moduleRule, noPage);
		assertThat(noPageChosen.status()).isEqualTo(400);
		assertThat(noPageChosen.document().selectFirst("#drip-error").text())
			.isEqualTo("Choose the page to complete first.");
		RuleTable unchanged = this.content.rules(producer.id(), productId);
		assertThat(unchanged.module(basics, vip).rule().drip()).isEqualTo(Drip.afterDays(7));
		assertThat(unchanged.page(welcome, vip).rule()).isEqualTo(saved);

		Map<String, String> follow = new HashMap<>(rule("IMMEDIATE", "", "", "NEVER", "", ""));
		follow.put("follow", "true");
		web.get(pageRule);
		web.submit(pageRule, follow);
		assertThat(this.content.rules(producer.id(), productId).page(welcome, vip).own()).isFalse();

		web.get(club(productId) + "/groups");
		web.submit(club(productId) + "/groups/" + vip + "/default", Map.of());
		assertThat(this.groups.find(producer.id(), vip).isDefault()).isTrue();
	}

	@Test
	void anotherProducerGetsNotFoundAndChangesNothing() {
		Producer owner = this.shop.producer();
		long productId = this.shop.product(owner, "Private course");
		Group vip = this.groups.create(owner.id(), productId, "VIP", false);
		ClubModule module = this.content.addModule(owner.id(), productId, new ModuleDetails("Secret", false, true));
		ClubPage page = this.content.addPage(owner.id(), module.id(),
				new PageDetails("Lesson", PageKind.TEXT, "text", null, true));

		WebClient intruder = logIn(this.shop.producer());
		for (String path : List.of(club(productId), club(productId) + "/groups", club(productId) + "/rules",
				club(productId) + "/modules/" + module.id() + "/edit",
				club(productId) + "/pages/" + page.id() + "/edit", club(productId) + "/groups/" + vip.id() + "/edit",
				club(productId) + "/rules/modules/" + module.id() + "/groups/" + vip.id(),
				club(productId) + "/pages/" + page.id() + "/comments")) {
			assertThat(intruder.get(path).status()).as(path).isEqualTo(404);
		}
		intruder.get("/business/club");
		assertThat(intruder.post(club(productId) + "/groups/" + vip.id() + "/delete", Map.of()).status())
			.isEqualTo(404);
		assertThat(intruder.post(club(productId) + "/pages/" + page.id() + "/delete", Map.of()).status())
			.isEqualTo(404);
		assertThat(intruder.post(club(productId) + "/modules", Map.of("name", "Injected")).status()).isEqualTo(404);

		// the owner's own ids mixed with another product of theirs are not found either
		long otherProduct = this.shop.product(owner, "Other course");
		WebClient ownerWeb = logIn(owner);
		assertThat(ownerWeb.get(club(otherProduct) + "/groups/" + vip.id() + "/edit").status()).isEqualTo(404);

		assertThat(this.groups.of(owner.id(), productId)).extracting(Group::name).containsExactly("Default", "VIP");
		assertThat(this.content.content(owner.id(), productId)).hasSize(1);
		assertThat(this.content.content(owner.id(), productId).get(0).pages()).hasSize(1);
	}

	@Test
	void theDefaultGroupCannotBeDeletedAndOtherGroupsMoveTheirStudentsToIt() {
		Producer producer = this.shop.producer();
		long productId = this.shop.product(producer, "Yoga");
		Group vip = this.groups.create(producer.id(), productId, "VIP", false);
		long defaultGroup = groupId(producer, productId, "Default");
		this.shop.student(producer, productId, vip.id(), "Vera VIP");
		this.shop.student(producer, productId, null, "Dan Default");
		WebClient web = logIn(producer);

		WebClient.Page groupsPage = web.get(club(productId) + "/groups");
		assertThat(groupsPage.document().selectFirst("tr[data-group-name=Default]").text()).doesNotContain("Delete");
		assertThat(groupsPage.document().selectFirst("tr[data-group-name=VIP] .atrium-students").text()).isEqualTo("1");

		// its confirmation page does not open either, even through a typed address
		WebClient.Page noConfirmation = web.get(club(productId) + "/groups/" + defaultGroup + "/delete");
		assertThat(noConfirmation.status()).isEqualTo(302);
		assertThat(noConfirmation.location()).endsWith(club(productId) + "/groups");
		WebClient.Page groupsAgain = web.get(noConfirmation.location());
		assertThat(groupsAgain.document().selectFirst("#groups-error").text())
			.isEqualTo("The default group cannot be deleted; make another group the default first.");
		assertThat(web.get(club(productId) + "/groups").document().selectFirst("#groups-error")).isNull();

		WebClient.Page refused = web.post(club(productId) + "/groups/" + defaultGroup + "/delete", Map.of());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.document().selectFirst("#groups-error").text())
			.isEqualTo("The default group cannot be deleted; make another group the default first.");
		assertThat(this.groups.of(producer.id(), productId)).extracting(Group::name, Group::students)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Default", 1),
					org.assertj.core.groups.Tuple.tuple("VIP", 1));

		assertThat(web.get(club(productId) + "/groups/" + vip.id() + "/delete").text())
			.contains("Its one student moves to the default group “Default”");
		WebClient.Page deleted = web.submit(club(productId) + "/groups/" + vip.id() + "/delete", Map.of());
		assertThat(deleted.text()).contains("The group “VIP” was deleted; one student moved to the default group.");
		assertThat(this.groups.of(producer.id(), productId)).extracting(Group::name, Group::students)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Default", 2));
	}

	@Test
	void linkingAnOfferLinkedElsewhereIsRefusedAndChangesNothing() {
		Producer producer = this.shop.producer();
		long productId = this.shop.product(producer, "Guitar");
		Offer offer = this.shop.offer(producer, productId, "Launch");
		Group a = this.groups.create(producer.id(), productId, "Group A", false);
		Group b = this.groups.create(producer.id(), productId, "Group B", false);
		WebClient web = logIn(producer);

		web.get(club(productId) + "/groups");
		WebClient.Page linked = web.submit(club(productId) + "/groups/" + a.id() + "/offers",
				Map.of("offerId", Long.toString(offer.id())));
		assertThat(linked.text()).contains("The offer “Launch” is now linked to the group “Group A”.");
		assertThat(linked.document().selectFirst("tr[data-group-name=Group A]").text()).contains("Launch");

		WebClient.Page refused = web.post(club(productId) + "/groups/" + b.id() + "/offers",
				Map.of("offerId", Long.toString(offer.id())));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.document().selectFirst("#groups-error").text())
			.isEqualTo("Offer " + offer.code() + " is already linked to the group Group A; unlink it there first.");
		assertThat(this.groups.offersOf(producer.id(), a.id())).extracting(Offer::id).containsExactly(offer.id());
		assertThat(this.groups.offersOf(producer.id(), b.id())).isEmpty();

		web.submit(club(productId) + "/groups/" + a.id() + "/offers/" + offer.id() + "/unlink", Map.of());
		assertThat(this.groups.offersOf(producer.id(), a.id())).isEmpty();
	}

	@Test
	void theProducerSeesEveryGroupsCommentsAndHidesOrDeletesThem() {
		Producer producer = this.shop.producer();
		long productId = this.shop.product(producer, "Chess");
		Group vip = this.groups.create(producer.id(), productId, "VIP", false);
		ClubModule module = this.content.addModule(producer.id(), productId,
				new ModuleDetails("Openings", false, true));
		ClubPage page = this.content.addPage(producer.id(), module.id(),
				new PageDetails("Italian game", PageKind.TEXT, "e4 e5", null, true));
		Enrollment student = this.shop.student(producer, productId, vip.id(), "Carla Chess");
		this.jdbc
			.sql("INSERT INTO club_comments (page_id, producer_account_id, group_id, account_id, author_name, body, "
					+ "hidden, created_at) VALUES (?, ?, ?, ?, 'Carla Chess', 'Great lesson', FALSE, CURRENT_TIMESTAMP)")
			.params(page.id(), producer.id(), vip.id(), student.accountId())
			.update();
		long commentId = this.jdbc.sql("SELECT MAX(id) FROM club_comments").query(Long.class).single();
		WebClient web = logIn(producer);

		String comments = club(productId) + "/pages/" + page.id() + "/comments";
		assertThat(web.get(comments).text()).contains("Carla Chess", "Group: VIP", "Great lesson");
		WebClient.Page hidden = web.submit(comments + "/" + commentId + "/hide", Map.of("hidden", "true"));
		assertThat(hidden.text()).contains("The comment by Carla Chess is hidden from students.", "Show again");
		web.submit(comments + "/" + commentId + "/hide", Map.of("hidden", "false"));
		web.submit(comments + "/" + commentId + "/delete", Map.of());
		assertThat(web.get(comments).text()).contains("No comments on this page yet.");
	}

	static Map<String, String> rule(String dripKind, String dripDays, String dripDate, String expireKind,
			String expireDays, String expireDate) {
		return Map.of("visible", "true", "dripKind", dripKind, "dripDays", dripDays, "dripDate", dripDate, "dripPageId",
				"", "expireKind", expireKind, "expireDays", expireDays, "expireDate", expireDate);
	}

	static Element cell(WebClient.Page rules, String item, long groupId) {
		return rules.document().selectFirst("tr[data-item=" + item + "] td[data-group-id=" + groupId + "]");
	}

	long groupId(Producer producer, long productId, String name) {
		return this.groups.of(producer.id(), productId)
			.stream()
			.filter((g) -> g.name().equals(name))
			.findFirst()
			.orElseThrow()
			.id();
	}

}
