package io.atrium.club;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.ProducerTimeZones;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Product;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.Purchase;
import io.atrium.club.access.ClubAccess;
import io.atrium.club.access.Drip;
import io.atrium.club.access.RuleTable;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleDetails;
import io.atrium.club.content.PageDetails;
import io.atrium.club.content.PageKind;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.EnrollmentSource;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Groups;
import io.atrium.club.groups.StudentFilter;
import io.atrium.club.imports.ImportReport;
import io.atrium.club.imports.StudentImports;
import io.atrium.club.internal.EnrollmentRows;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Eventually;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's tools for large members areas over real HTTP and a real database: the
 * student picker's search, bulk actions on every student matching a filter, the module
 * rules grid, the offer form's group by name, the import report's filters and
 * refused-rows CSV, and the student page.
 */
@AtriumIntegrationTest
class ProducerToolsIntegrationTests {

	@LocalServerPort
	int port;

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
	EnrollmentRows enrollmentRows;

	@Autowired
	StudentImports imports;

	@Autowired
	Offers offers;

	@Autowired
	Checkout checkout;

	@Autowired
	ClubAccess access;

	@Autowired
	ProducerTimeZones zones;

	/** The most matches the picker offers. */
	static final int PICKER_LIMIT = 20;

	StudentsTabFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new StudentsTabFixture(this.accounts, this.products, this.groups, this.content,
				this.enrollments);
	}

	private WebClient producerClient(String email, String password) {
		WebClient web = new WebClient(this.port);
		web.logIn(email, password);
		return web;
	}

	/** Many students at once, as a large members area has them (no access e-mails). */
	private void addStudents(StudentsTabFixture.Course course, String prefix, int count, long groupId) {
		Instant now = Instant.now();
		for (int i = 0; i < count; i++) {
			String email = prefix + "-" + i + "-" + System.nanoTime() + "@example.com";
			this.enrollmentRows.insert(io.atrium.club.content.PublicIds.next(), course.productId(), course.producer(),
					9_000_000_000L + (long) (Math.random() * 1_000_000_000L), email, prefix + " Student " + i, groupId,
					EnrollmentSource.IMPORTED, now, null, null, null, now);
		}
	}

	@Test
	void pickerFindsOnlyTheProducersStudentsByPrefixAnyCaseAtMostTwenty() {
		StudentsTabFixture.Producer producer = this.fixture.producer("Picker Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Knitting");
		Enrollment ana = this.fixture.student(course, "Ana Souza", StudentsTabFixture.unique("ana"),
				course.defaultGroup());
		Enrollment anabela = this.fixture.student(course, "Anabela Reis", StudentsTabFixture.unique("bela"),
				course.vip());
		this.fixture.student(course, "Bruno Lima", StudentsTabFixture.unique("bruno"), course.defaultGroup());
		addStudents(course, "zed", 25, course.defaultGroup());
		StudentsTabFixture.Producer other = this.fixture.producer("Other Producer");
		StudentsTabFixture.Course elsewhere = this.fixture.course(other, "Weaving");
		Enrollment otherAna = this.fixture.student(elsewhere, "Ana Other", StudentsTabFixture.unique("ana"),
				elsewhere.defaultGroup());
		WebClient web = producerClient(producer.email(), StudentsTabFixture.PASSWORD);

		Page found = web.get(course.path() + "/students/search/options?q=ANA");
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.document().select("[role=option][data-id]").eachAttr("data-id"))
			.containsExactly(String.valueOf(ana.id()), String.valueOf(anabela.id()));
		assertThat(found.text()).doesNotContain("Ana Other", String.valueOf(otherAna.email()));
		// a prefix of the e-mail address, any case
		String emailStart = anabela.email().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
		assertThat(web.get(course.path() + "/students/search/options?q=" + emailStart)
			.document()
			.select("[role=option][data-id]")
			.eachAttr("data-id")).containsExactly(String.valueOf(anabela.id()));
		// a prefix, not a part: "souza" starts neither the name nor the address
		assertThat(web.get(course.path() + "/students/search/options?q=souza").document().select("[data-id]"))
			.isEmpty();
		assertThat(web.get(course.path() + "/students/search/options?q=souza").text())
			.contains("No student’s name or e-mail address starts with that.");
		assertThat(web.get(course.path() + "/students/search/options?q=zed").document().select("[data-id]"))
			.hasSize(PICKER_LIMIT);
		// a wildcard typed is a character, not a pattern
		assertThat(web.get(course.path() + "/students/search/options?q=%25").document().select("[data-id]")).isEmpty();
		// another producer's product
		assertThat(web.get(elsewhere.path() + "/students/search/options?q=ana").status()).isEqualTo(404);

		// without JavaScript: a results page of links to the students' pages
		Page results = web.get(course.path() + "/students/search?q=ana");
		assertThat(results.document().select("#student-results a").eachAttr("href"))
			.containsExactly(course.path() + "/students/" + ana.id(), course.path() + "/students/" + anabela.id());
		// and on the "why" page, links that keep the page chosen
		Page why = web.get(course.path() + "/why?q=anab");
		assertThat(why.document().select("#student-results a").eachAttr("href"))
			.containsExactly(course.path() + "/why?student=" + anabela.id());
	}

	@Test
	void bulkActionMovesExactlyEveryStudentMatchingTheFilter() {
		StudentsTabFixture.Producer producer = this.fixture.producer("Bulk Filter Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Ceramics");
		addStudents(course, "bulk", 1200, course.defaultGroup());
		addStudents(course, "keep", 40, course.defaultGroup());
		StudentsTabFixture.Producer other = this.fixture.producer("Bulk Other Producer");
		StudentsTabFixture.Course elsewhere = this.fixture.course(other, "Glass");
		addStudents(elsewhere, "bulk", 30, elsewhere.defaultGroup());
		StudentsTabFixture.Course sibling = this.fixture.course(producer, "Ceramics II");
		addStudents(sibling, "bulk", 30, sibling.defaultGroup());
		WebClient web = producerClient(producer.email(), StudentsTabFixture.PASSWORD);

		Page list = web.get(course.path() + "/students?q=bulk");
		assertThat(list.text()).contains("Students (1,200)",
				"All 1,200 students matching these filters, not only the ticked ones");
		Page confirm = web.submit(course.path() + "/students/actions", Map.of("q", "bulk", "group", "", "status", "",
				"page", "1", "scope", "all", "action", "move", "targetGroup", String.valueOf(course.vip())));
		assertThat(confirm.path()).isEqualTo(course.path() + "/students/bulk");
		assertThat(confirm.document().selectFirst("#bulk-count").text())
			.isEqualTo("1,200 students match these filters now.");
		assertThat(confirm.document().selectFirst("#bulk-what").text()).isEqualTo("Move them to the group VIP.");
		assertThat(
				this.enrollments.count(producer.id(), course.productId(), new StudentFilter(null, course.vip(), null)))
			.as("nothing changes before the confirmation")
			.isZero();

		Page started = web.submit(course.path() + "/students/bulk", Map.of("q", "bulk", "group", "", "status", "",
				"action", "move", "targetGroup", String.valueOf(course.vip())));
		assertThat(started.path()).startsWith(course.path() + "/students/bulk/");
		String actionPath = started.path();
		Eventually.until("the bulk action is done", () -> "DONE"
			.equals(web.get(actionPath + "/progress").document().selectFirst("#bulk-progress").attr("data-status")));
		assertThat(web.get(actionPath).text()).contains("Done: 1,200 students changed.");

		assertThat(this.enrollments.count(producer.id(), course.productId(),
				new StudentFilter("bulk", course.vip(), null)))
			.isEqualTo(1200);
		assertThat(this.enrollments.count(producer.id(), course.productId(),
				new StudentFilter(null, course.defaultGroup(), null)))
			.isEqualTo(40);
		assertThat(this.enrollments.count(other.id(), elsewhere.productId(),
				new StudentFilter(null, elsewhere.defaultGroup(), null)))
			.isEqualTo(30);
		assertThat(this.enrollments.count(producer.id(), sibling.productId(),
				new StudentFilter(null, sibling.defaultGroup(), null)))
			.isEqualTo(30);

		// another producer cannot see the action, nor start one on this product
		WebClient stranger = producerClient(other.email(), StudentsTabFixture.PASSWORD);
		assertThat(stranger.get(actionPath).status()).isEqualTo(404);
		assertThat(stranger.get(course.path() + "/students/bulk?action=block").status()).isEqualTo(404);
		// the per-row selection still works
		Enrollment one = this.enrollments
			.list(producer.id(), course.productId(), new StudentFilter("keep", null, null), 0, 1)
			.students()
			.get(0);
		web.get(course.path() + "/students");
		assertThat(web
			.submit(course.path() + "/students/actions", Map.of("student", String.valueOf(one.id()), "action", "block"))
			.text()).contains("Access blocked for 1 students.");
	}

	private static Map<String, String> grid(RuleTable table, long moduleId) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (var g : table.groups()) {
			String m = "c-m" + moduleId + "-" + g.id();
			fields.put(m + "-visible", "true");
			fields.put(m + "-drip", "IMMEDIATE");
			fields.put(m + "-expire", "NEVER");
			table.content()
				.stream()
				.filter((mc) -> mc.module().id() == moduleId)
				.flatMap((mc) -> mc.pages().stream())
				.forEach((p) -> {
					String c = "c-p" + p.id() + "-" + g.id();
					fields.put(c + "-follow", "true");
					fields.put(c + "-visible", "true");
					fields.put(c + "-drip", "IMMEDIATE");
					fields.put(c + "-expire", "NEVER");
				});
		}
		return fields;
	}

	@Test
	void rulesGridSavesEveryCellAtOnceAndRefusesAnImpossibleRuleSavingNothing() {
		StudentsTabFixture.Producer producer = this.fixture.producer("Grid Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Gardening");
		ClubModule module = this.content.addModule(producer.id(), course.productId(),
				new ModuleDetails("Basics", false, true));
		ClubPage soil = this.content.addPage(producer.id(), module.id(),
				new PageDetails("Soil", PageKind.TEXT, "Soil", null, true));
		ClubPage seeds = this.content.addPage(producer.id(), module.id(),
				new PageDetails("Seeds", PageKind.TEXT, "Seeds", null, true));
		WebClient web = producerClient(producer.email(), StudentsTabFixture.PASSWORD);
		String path = course.path() + "/rules/modules/" + module.id();
		assertThat(web.get(course.path() + "/rules").document().select("#grid-link-" + module.id()).attr("href"))
			.isEqualTo(path);
		Page shown = web.get(path);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.document().select("td[data-rule-cell]")).hasSize(6);

		long d = course.defaultGroup();
		long vip = course.vip();
		Map<String, String> fields = grid(this.content.rules(producer.id(), course.productId()), module.id());
		fields.put("c-m" + module.id() + "-" + d + "-drip", "DAYS");
		fields.put("c-m" + module.id() + "-" + d + "-dripDays", "3");
		fields.remove("c-p" + soil.id() + "-" + vip + "-follow");
		fields.put("c-p" + soil.id() + "-" + vip + "-drip", "DATE");
		fields.put("c-p" + soil.id() + "-" + vip + "-dripDate", "2027-01-10");
		fields.put("c-p" + soil.id() + "-" + vip + "-expire", "DAYS");
		fields.put("c-p" + soil.id() + "-" + vip + "-expireDays", "30");
		fields.remove("c-p" + seeds.id() + "-" + d + "-follow");
		fields.remove("c-p" + seeds.id() + "-" + d + "-visible");
		Page saved = web.submit(path, fields);
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.text()).contains("The rules of the module Basics were saved (3 changed).");
		RuleTable table = this.content.rules(producer.id(), course.productId());
		assertThat(table.module(module.id(), d).rule().drip()).isEqualTo(Drip.afterDays(3));
		assertThat(table.page(soil.id(), d).own()).isFalse();
		assertThat(table.page(soil.id(), d).rule().drip()).isEqualTo(Drip.afterDays(3));
		assertThat(table.page(soil.id(), vip).own()).isTrue();
		assertThat(table.page(soil.id(), vip).rule().drip().kind()).isEqualTo(Drip.Kind.DATE);
		assertThat(table.page(soil.id(), vip).rule().expiration().days()).isEqualTo(30);
		assertThat(table.page(seeds.id(), d).rule().visible()).isFalse();
		assertThat(table.module(module.id(), vip).own()).isFalse();
		// the form shows what was saved
		Element dripDays = saved.document().selectFirst("#c-m" + module.id() + "-" + d + "-dripDays");
		assertThat(dripDays.attr("value")).isEqualTo("3");

		// an impossible cell: nothing of the grid is saved, the cell says why
		Map<String, String> wrong = new LinkedHashMap<>(fields);
		wrong.put("c-m" + module.id() + "-" + vip + "-drip", "DAYS");
		wrong.put("c-m" + module.id() + "-" + vip + "-dripDays", "10");
		wrong.put("c-m" + module.id() + "-" + vip + "-expire", "DAYS");
		wrong.put("c-m" + module.id() + "-" + vip + "-expireDays", "5");
		wrong.remove("c-p" + seeds.id() + "-" + vip + "-follow");
		wrong.put("c-p" + seeds.id() + "-" + vip + "-drip", "DAYS");
		wrong.put("c-p" + seeds.id() + "-" + vip + "-dripDays", "2");
		Page refused = web.post(path, wrong);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.document().selectFirst("#grid-refused").text()).contains("Nothing was saved: 1 rules");
		assertThat(refused.document().selectFirst("#c-m" + module.id() + "-" + vip + "-error").text())
			.contains("would expire 5 days after the start but is released only after 10 days");
		assertThat(refused.document().selectFirst("#c-p" + seeds.id() + "-" + vip + "-dripDays").attr("value"))
			.as("the grid comes back as typed")
			.isEqualTo("2");
		RuleTable after = this.content.rules(producer.id(), course.productId());
		assertThat(after.page(seeds.id(), vip).own()).isFalse();
		assertThat(after.module(module.id(), vip).own()).isFalse();

		// pages waiting for each other: refused at the cell that closes the circle
		Map<String, String> circle = new LinkedHashMap<>(fields);
		circle.remove("c-p" + soil.id() + "-" + d + "-follow");
		circle.put("c-p" + soil.id() + "-" + d + "-drip", "AFTER_PAGE");
		circle.put("c-p" + soil.id() + "-" + d + "-dripPageId", String.valueOf(seeds.id()));
		circle.put("c-p" + seeds.id() + "-" + d + "-drip", "AFTER_PAGE");
		circle.put("c-p" + seeds.id() + "-" + d + "-dripPageId", String.valueOf(soil.id()));
		web.get(path);
		Page cycle = web.post(path, circle);
		assertThat(cycle.status()).isEqualTo(400);
		assertThat(cycle.text()).contains("would wait, through other pages, for itself to be completed");
		assertThat(this.content.rules(producer.id(), course.productId()).page(soil.id(), d).own()).isFalse();

		// a malformed number is refused at its cell too
		Map<String, String> malformed = new LinkedHashMap<>(fields);
		malformed.put("c-m" + module.id() + "-" + d + "-dripDays", "soon");
		web.get(path);
		Page bad = web.post(path, malformed);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.document().selectFirst("#c-m" + module.id() + "-" + d + "-error").text())
			.contains("Enter a whole number of days from 1 to 3,650.");
		// another producer's module
		StudentsTabFixture.Producer other = this.fixture.producer("Grid Other");
		assertThat(producerClient(other.email(), StudentsTabFixture.PASSWORD).get(path).status()).isEqualTo(404);
	}

	@Test
	void offerFormPicksTheMembersAreaGroupByName() {
		StudentsTabFixture.Producer producer = this.fixture.producer("Offer Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Photography");
		WebClient web = producerClient(producer.email(), StudentsTabFixture.PASSWORD);
		String offers = "/business/products/" + course.productId() + "/offers";
		Page form = web.get(offers + "/new");
		assertThat(form.document().select("select#offer-group option").eachText())
			.containsExactly("The product’s default group", "Default (default)", "VIP");
		assertThat(form.document().selectFirst("label[for=offer-group]").text()).isNotBlank();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", "VIP offer");
		fields.put("price", "49.90");
		fields.put("currency", "BRL");
		fields.put("paymentMode", "SINGLE");
		fields.put("period", "MONTHLY");
		fields.put("maxCharges", "");
		fields.put("trialDays", "0");
		fields.put("clubGroupId", String.valueOf(course.vip()));
		Page created = web.submit(offers, fields);
		assertThat(created.status()).isEqualTo(200);
		Offer offer = this.offers.offersOf(producer.id(), course.productId())
			.stream()
			.filter((o) -> o.details().name().equals("VIP offer"))
			.findFirst()
			.orElseThrow();
		assertThat(offer.details().clubGroupId()).isEqualTo(course.vip());
		Page edit = web.get(offers + "/" + offer.id() + "/edit");
		assertThat(edit.document().selectFirst("select#offer-group option[selected]").text()).isEqualTo("VIP");
	}

	@Test
	void importReportFiltersRowsAndDownloadsTheRefusedOnesAsCsv() {
		StudentsTabFixture.Producer producer = this.fixture.producer("Import Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Pottery");
		WebClient web = producerClient(producer.email(), StudentsTabFixture.PASSWORD);
		String file = "email,name,group\n" + StudentsTabFixture.unique("ana") + ",Ana Souza,\n"
				+ "broken-address,Nobody,\n" + StudentsTabFixture.unique("caio") + ",\"Caio, the Potter\",Nowhere\n"
				+ StudentsTabFixture.unique("dora") + ",Dóra Lima,VIP\n";
		web.get(course.path() + "/students/import");
		Page uploaded = web.upload(course.path() + "/students/import", "file", "students.csv",
				file.getBytes(StandardCharsets.UTF_8));
		String report = uploaded.location();
		long importId = Long.parseLong(report.substring(report.lastIndexOf('/') + 1));
		Eventually.until("the import is done",
				() -> this.imports.report(producer.id(), course.productId(), importId, false).done());
		ImportReport done = this.imports.report(producer.id(), course.productId(), importId, true);
		assertThat(done.count(io.atrium.club.imports.ImportOutcome.REFUSED)).isEqualTo(2);

		Page all = web.get(report);
		assertThat(all.document().select("#import-report tbody tr")).hasSize(4);
		assertThat(all.document().select("#report-reason option").eachText()).contains("Every reason",
				"Invalid e-mail address (1)", "Unknown group (1)");
		Page refused = web.get(report + "?show=refused");
		assertThat(refused.document().select("#import-report tbody tr").eachAttr("data-outcome"))
			.containsExactly("REFUSED", "REFUSED");
		Page imported = web.get(report + "?show=imported");
		assertThat(imported.document().select("#import-report tbody tr").eachAttr("data-line")).containsExactly("2",
				"5");
		Page byReason = web.get(report + "?show=refused&reason=club-users.import.refused.group");
		assertThat(byReason.document().select("#import-report tbody tr").eachAttr("data-line")).containsExactly("4");

		Page csv = web.get(report + "/refused.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.header("Content-Disposition")).contains("import-" + importId + "-refused.csv");
		assertThat(csv.body()).startsWith("\uFEFF");
		String[] lines = csv.body().substring(1).split("\r\n");
		assertThat(lines).containsExactly("email,name,group,started_on,ends_on,reason",
				"broken-address,Nobody,,,,The e-mail address “broken-address” is not valid.",
				lines[2].substring(0, lines[2].indexOf(',')) + ",\"Caio, the Potter\",Nowhere,,,"
						+ "The product has no group named “Nowhere”.");
		assertThat(lines[2]).startsWith("caio-");

		StudentsTabFixture.Producer other = this.fixture.producer("Import Other");
		assertThat(producerClient(other.email(), StudentsTabFixture.PASSWORD).get(report + "/refused.csv").status())
			.isEqualTo(404);
	}

	@Test
	void studentPageShowsGroupStartProgressAndPurchases() {
		ClubShop shop = new ClubShop(this.accounts, this.products, this.offers, this.checkout, this.enrollments);
		long producer = shop.producer();
		String producerEmail = this.accounts.find(new io.atrium.accounts.AccountId(producer))
			.orElseThrow()
			.email()
			.toString();
		Product course = shop.course(producer);
		ClubModule module = this.content.addModule(producer, course.id(), new ModuleDetails("Start", false, true));
		ClubPage first = this.content.addPage(producer, module.id(),
				new PageDetails("Welcome", PageKind.TEXT, "Hi", null, true));
		this.content.addPage(producer, module.id(), new PageDetails("Flour", PageKind.TEXT, "Flour", null, true));
		Offer offer = shop.offer(producer, course.id(), "Sourdough");
		String email = ClubShop.unique("bia");
		Purchase purchase = shop.buy(offer.code(), email);
		this.access.complete(purchase.buyerAccountId(), first.id(), Set.of());
		Enrollment bia = this.enrollments.ofAccount(purchase.buyerAccountId()).get(0);
		String path = "/business/products/" + course.id() + "/club/students/" + bia.id();

		WebClient web = producerClient(producerEmail, ClubShop.PASSWORD);
		Page page = web.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().selectFirst("h1").text()).isEqualTo("Bia Buyer");
		assertThat(page.document().selectFirst("#student-email").text()).isEqualTo(email);
		assertThat(page.document().selectFirst("#student-group").text()).isEqualTo("Default");
		assertThat(page.document().selectFirst("#student-status").text()).isEqualTo("Active");
		assertThat(page.document().selectFirst("#student-progress").text()).isEqualTo("1 of 2 pages (50%)");
		assertThat(page.document().selectFirst("#student-started").text())
			.endsWith("(" + this.zones.of(producer).getId() + ")");
		Element sale = page.document().selectFirst("#student-purchases tbody tr");
		assertThat(sale.text()).contains(purchase.transaction(), "Sourdough course", "Approved");
		assertThat(sale.selectFirst("a").attr("href")).startsWith("/business/sales?buyer=")
			.endsWith("&transaction=" + purchase.transaction());
		assertThat(page.document().selectFirst("#student-why").attr("href"))
			.isEqualTo("/business/products/" + course.id() + "/club/why?student=" + bia.id());

		long vip = this.groups.create(producer, course.id(), "VIP", false).id();
		web.get(path);
		Page moved = web.submit(path + "/group", Map.of("targetGroup", String.valueOf(vip)));
		assertThat(moved.text()).contains("Bia Buyer moved to the group VIP.");
		assertThat(moved.document().selectFirst("#student-group").text()).isEqualTo("VIP");

		// another producer sees nothing of it
		long stranger = shop.producer();
		String strangerEmail = this.accounts.find(new io.atrium.accounts.AccountId(stranger))
			.orElseThrow()
			.email()
			.toString();
		assertThat(producerClient(strangerEmail, ClubShop.PASSWORD).get(path).status()).isEqualTo(404);
		List<Enrollment> unchanged = this.enrollments.ofAccount(purchase.buyerAccountId());
		assertThat(unchanged.get(0).groupId()).isEqualTo(vip);
	}

}
