package io.atrium.club;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.atrium.accounts.Accounts;
import io.atrium.api.ApiCredentials;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.club.ClubApiWorld.Course;
import io.atrium.club.ClubApiWorld.Producer;
import io.atrium.club.access.ClubAccess;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.Expiration;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleDetails;
import io.atrium.club.content.PageDetails;
import io.atrium.club.content.PageKind;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
import io.atrium.club.groups.StudentFilter;
import io.atrium.club.groups.StudentImport;
import io.atrium.support.AtriumIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Hotmart-compatible club API (hotmart-api.md §6) with its aliases, field by field,
 * over a members area built through the club's own services and a real purchase.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
class CompatibleClubApiIntegrationTests {

	static final Instant RELEASE = Instant.parse("2031-03-01T12:00:00Z");

	@Autowired
	TestRestTemplate http;

	@Autowired
	JsonMapper json;

	@Autowired
	ApiCredentials credentials;

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
	Groups groups;

	@Autowired
	ClubContent content;

	@Autowired
	Enrollments enrollments;

	@Autowired
	ClubAccess access;

	ClubApiWorld world;

	Producer paula;

	Producer otto;

	Course course;

	Group defaultGroup;

	Group vip;

	ClubModule welcome;

	ClubModule bonus;

	ClubPage intro;

	ClubPage video;

	ClubPage secret;

	Enrollment ana;

	Enrollment bruno;

	Enrollment carla;

	@BeforeEach
	void club() {
		this.world = new ClubApiWorld(this.accounts, this.products, this.offers, this.checkout, this.areas,
				this.credentials, this.http, this.json, this.enrollments);
		this.paula = this.world.producer("Paula");
		this.otto = this.world.producer("Otto");
		this.world.course(this.otto, "Otto's course");
		this.course = this.world.course(this.paula, "Bread");
		long producer = this.paula.id();
		long product = this.course.productId();
		this.defaultGroup = this.groups.of(producer, product).get(0);
		this.vip = this.groups.create(producer, product, "VIP", false);
		this.welcome = this.content.addModule(producer, product, new ModuleDetails("Welcome", false, true));
		this.bonus = this.content.addModule(producer, product, new ModuleDetails("Bonus", true, true));
		this.intro = this.content.addPage(producer, this.welcome.id(),
				new PageDetails("Intro", PageKind.TEXT, "Hello", null, true));
		this.video = this.content.addPage(producer, this.welcome.id(),
				new PageDetails("Kneading", PageKind.VIDEO, "", "https://video.example/knead", true));
		this.secret = this.content.addPage(producer, this.bonus.id(),
				new PageDetails("Secret", PageKind.TEXT, "Shh", null, true));
		this.content.setModuleRule(producer, this.vip.id(), this.welcome.id(),
				new ContentRule(true, Drip.afterDays(7), Expiration.NEVER));
		this.content.setPageRule(producer, this.vip.id(), this.video.id(),
				new ContentRule(true, Drip.onDate(RELEASE), Expiration.afterDays(30)));
		this.content.setModuleRule(producer, this.defaultGroup.id(), this.bonus.id(),
				new ContentRule(false, Drip.IMMEDIATE, Expiration.NEVER));
		this.content.setPageRule(producer, this.vip.id(), this.secret.id(),
				new ContentRule(true, Drip.afterPage(this.intro.id()), Expiration.NEVER));

		String anaEmail = this.world.buy(this.course.offerCode(), "Ana Buyer");
		this.bruno = this.enrollments
			.enroll(producer, product,
					new StudentImport(ClubApiWorld.unique("bruno"), "Bruno", this.vip.id(),
							Instant.parse("2024-01-10T00:00:00Z"), null))
			.enrollment();
		this.carla = this.enrollments
			.enroll(producer, product, new StudentImport(ClubApiWorld.unique("carla"), "Carla", null, null, null))
			.enrollment();
		this.ana = this.enrollments.list(producer, product, new StudentFilter(anaEmail, null, null), 0, 10)
			.students()
			.get(0);
		this.access.recordEntry(this.ana.accountId(), product);
		this.access.complete(this.ana.accountId(), this.intro.id(), Set.of());
		this.enrollments.block(producer, product, List.of(this.carla.id()), true);
	}

	JsonNode get(String path) {
		return this.world.get(this.paula, path);
	}

	static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode item : array) {
			if (item.path(field).asString().equals(value)) {
				return item;
			}
		}
		throw new AssertionError("No item with " + field + "=" + value + " in " + array);
	}

	@Test
	void modulesAreABareArrayWithTheGroupsThatSeeThem() {
		JsonNode modules = get("/club/api/v1/modules?subdomain=" + this.paula.subdomain());
		assertThat(modules.isArray()).isTrue();
		assertThat(modules).hasSize(2);
		JsonNode welcome = modules.get(0);
		assertThat(names(welcome)).contains("module_id", "name", "sequence", "is_extra", "is_extra_paid", "is_public",
				"classes", "total_pages");
		assertThat(welcome.path("module_id").asString()).isEqualTo(this.welcome.publicId());
		assertThat(welcome.path("name").asString()).isEqualTo("Welcome");
		assertThat(welcome.path("sequence").asInt()).isEqualTo(1);
		assertThat(welcome.path("is_extra").asBoolean()).isFalse();
		assertThat(welcome.path("is_extra_paid").asBoolean()).isFalse();
		assertThat(welcome.path("is_public").asBoolean()).isFalse();
		assertThat(welcome.path("total_pages").asInt()).isEqualTo(2);
		assertThat(welcome.path("classes").get(0).isString()).isTrue();
		assertThat(texts(welcome.path("classes"))).containsExactlyInAnyOrder(String.valueOf(this.defaultGroup.id()),
				String.valueOf(this.vip.id()));
		JsonNode bonus = find(modules, "module_id", this.bonus.publicId());
		assertThat(bonus.path("is_extra").asBoolean()).isTrue();
		assertThat(texts(bonus.path("classes"))).containsExactly(String.valueOf(this.vip.id()));

		assertThat(get("/club/api/v1/modules?is_extra=true&subdomain=" + this.paula.subdomain())).hasSize(1);
		assertThat(get("/club/api/v1/modules?is_extra=false&subdomain=" + this.paula.subdomain())).hasSize(1);
		// a value that is not a boolean means the default (no filter)
		assertThat(get("/club/api/v1/modules?is_extra=maybe&subdomain=" + this.paula.subdomain())).hasSize(2);
		assertThat(get("/club/api/v1/modules?product_id=1&subdomain=" + this.paula.subdomain())).isEmpty();
		assertThat(get("/club/api/v1/modules?product_id=" + this.course.productId() + "&subdomain="
				+ this.paula.subdomain().toUpperCase()))
			.hasSize(2);
	}

	static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((n) -> texts.add(n.asString()));
		return texts;
	}

	@Test
	void aMissingSubdomainOrProductIdIs422WithTheCompatibleErrorBody() {
		for (String path : List.of("/club/api/v1/modules", "/club/api/v1/users", "/club/api/v1/students",
				"/club/api/v1/users/" + this.ana.publicId() + "/lessons",
				"/club/api/v2/modules/" + this.welcome.publicId() + "/pages",
				"/club/api/v1/students/progress?subdomain=" + this.paula.subdomain())) {
			JsonNode error = this.world.expect(422, this.paula, HttpMethod.GET, path, null, null);
			assertThat(error.path("error").asString()).as(path).isEqualTo("invalid_parameter");
			assertThat(error.path("error_description").asString()).as(path).contains("required");
			assertThat(error.path("error_uri").asString()).startsWith("https://developers.hotmart.com/");
		}
	}

	@Test
	void anotherProducersSubdomainIsAnsweredLikeAnUnknownOne() {
		for (String subdomain : List.of(this.paula.subdomain(), "no-such-club")) {
			for (String path : List.of("/club/api/v1/modules?subdomain=", "/club/api/v1/users?subdomain=",
					"/club/api/v1/students?subdomain=",
					"/club/api/v1/users/" + this.ana.publicId() + "/lessons?subdomain=")) {
				JsonNode error = this.world.expect(404, this.otto, HttpMethod.GET, path + subdomain, null, null);
				assertThat(error.path("error").asString()).isEqualTo("not_found");
			}
		}
		// Otto's own subdomain does not open Paula's students or modules either
		this.world.expect(404, this.otto, HttpMethod.GET,
				"/club/api/v1/users/" + this.ana.publicId() + "/lessons?subdomain=" + this.otto.subdomain(), null,
				null);
		this.world.expect(404, this.otto, HttpMethod.GET,
				"/club/api/v2/modules/" + this.welcome.publicId() + "/pages?product_id=" + this.course.productId(),
				null, null);
		assertThat(this.world.get(this.otto, "/club/api/v1/users?subdomain=" + this.otto.subdomain()).path("items"))
			.isEmpty();
	}

	@Test
	void pagesV2ListEachGroupsReleaseAndExpiry() {
		JsonNode pages = get(
				"/club/api/v2/modules/" + this.welcome.publicId() + "/pages?product_id=" + this.course.productId());
		assertThat(pages.isArray()).isTrue();
		assertThat(pages).hasSize(2);
		JsonNode intro = pages.get(0);
		assertThat(names(intro)).contains("page_id", "name", "type", "page_order", "published", "total_comments",
				"rates_average", "rates", "has_media", "dripping_configs");
		assertThat(intro.path("page_id").asString()).isEqualTo(this.intro.publicId());
		assertThat(intro.path("type").asString()).isEqualTo("CONTENT");
		assertThat(intro.path("page_order").asInt()).isEqualTo(1);
		assertThat(intro.path("published").asBoolean()).isTrue();
		assertThat(intro.path("has_media").asBoolean()).isFalse();
		assertThat(intro.path("rates").isArray()).isTrue();
		JsonNode introDefault = config(intro, this.defaultGroup);
		assertThat(introDefault.path("liberation").path("type").asString()).isEqualTo("BY_DAYS");
		assertThat(introDefault.path("liberation").path("liberation_days").asInt()).isZero();
		assertThat(introDefault.has("expiration")).isFalse();
		JsonNode introClass = introDefault.path("classes").get(0);
		assertThat(introClass.path("name").asString()).isEqualTo("Default");
		assertThat(introClass.path("default_class").asBoolean()).isTrue();
		assertThat(config(intro, this.vip).path("liberation").path("liberation_days").asInt()).isEqualTo(7);

		JsonNode video = pages.get(1);
		assertThat(video.path("has_media").asBoolean()).isTrue();
		JsonNode videoVip = config(video, this.vip);
		assertThat(videoVip.path("liberation").path("type").asString()).isEqualTo("BY_DATE");
		assertThat(Instant.parse(videoVip.path("liberation").path("liberation_date").asString())).isEqualTo(RELEASE);
		assertThat(videoVip.path("expiration").path("type").asString()).isEqualTo("BY_DAYS");
		assertThat(videoVip.path("expiration").path("duration_days").asInt()).isEqualTo(30);

		JsonNode secret = get(
				"/club/api/v2/modules/" + this.bonus.publicId() + "/pages?product_id=" + this.course.productId())
			.get(0);
		assertThat(secret.path("dripping_configs")).as("the default group does not see the bonus module").hasSize(1);
		JsonNode secretVip = config(secret, this.vip);
		assertThat(secretVip.path("liberation").path("type").asString()).isEqualTo("BY_PAGE");
		assertThat(secretVip.path("liberation").path("page_id").asString()).isEqualTo(this.intro.publicId());

		this.world.expect(404, this.paula, HttpMethod.GET,
				"/club/api/v2/modules/" + this.welcome.publicId() + "/pages?product_id=1", null, null);
		this.world.expect(404, this.paula, HttpMethod.GET,
				"/club/api/v2/modules/nosuchmodl/pages?product_id=" + this.course.productId(), null, null);
	}

	static JsonNode config(JsonNode page, Group group) {
		for (JsonNode config : page.path("dripping_configs")) {
			if (config.path("classes").get(0).path("id").asString().equals(String.valueOf(group.id()))) {
				return config;
			}
		}
		throw new AssertionError("No dripping config for group " + group.name() + " in " + page);
	}

	@Test
	void thePagesAliasEqualsV2AndTheLegacyV1HasTheOlderFields() {
		String v2 = get(
				"/club/api/v2/modules/" + this.welcome.publicId() + "/pages?product_id=" + this.course.productId())
			.toString();
		assertThat(
				get("/club/api/v1/pages?subdomain=" + this.paula.subdomain() + "&module_id=" + this.welcome.publicId())
					.toString())
			.isEqualTo(v2);

		JsonNode legacy = get(
				"/club/api/v1/modules/" + this.welcome.publicId() + "/pages?subdomain=" + this.paula.subdomain());
		assertThat(legacy.isArray()).isTrue();
		assertThat(legacy.get(0).path("page_id").asString()).isEqualTo(this.intro.publicId());
		assertThat(legacy.get(0).path("is_published").asBoolean()).isTrue();
		assertThat(legacy.get(0).path("liberation_type").asString()).isEqualTo("BY_DAYS");
		assertThat(legacy.get(0).path("liberation_days").asInt()).isZero();
		assertThat(legacy.get(0).path("module_id").asString()).isEqualTo(this.welcome.publicId());
	}

	@Test
	void usersArePaginatedWithPageTokens() {
		String base = "/club/api/v1/users?subdomain=" + this.paula.subdomain() + "&max_results=2";
		JsonNode first = get(base);
		assertThat(first.path("items")).hasSize(2);
		assertThat(first.path("page_info").path("total_results").asInt()).isEqualTo(3);
		assertThat(first.path("page_info").path("results_per_page").asInt()).isEqualTo(2);
		assertThat(first.path("page_info").has("prev_page_token")).isFalse();
		String next = first.path("page_info").path("next_page_token").asString();
		assertThat(next).isNotEmpty();
		JsonNode second = get(base + "&page_token=" + next);
		assertThat(second.path("items")).hasSize(1);
		assertThat(second.path("page_info").has("next_page_token")).isFalse();
		assertThat(second.path("page_info").path("prev_page_token").asString()).isNotEmpty();
		List<String> ids = new ArrayList<>();
		first.path("items").forEach((i) -> ids.add(i.path("user_id").asString()));
		second.path("items").forEach((i) -> ids.add(i.path("user_id").asString()));
		assertThat(ids).containsExactlyInAnyOrder(this.ana.publicId(), this.bruno.publicId(), this.carla.publicId());

		JsonNode bad = this.world.expect(400, this.paula, HttpMethod.GET, base + "&page_token=nonsense", null, null);
		assertThat(bad.path("error").asString()).isEqualTo("invalid_token");
	}

	@Test
	void usersCarryTheHotmartFields() {
		JsonNode items = get("/club/api/v1/users?subdomain=" + this.paula.subdomain()).path("items");
		JsonNode ana = find(items, "user_id", this.ana.publicId());
		assertThat(names(ana)).contains("user_id", "name", "email", "role", "first_access_date", "last_access_date",
				"locale", "plus_access", "progress", "status", "purchase_date", "access_count", "is_deletable",
				"class_id", "type", "engagement");
		assertThat(ana.path("role").asString()).isEqualTo("STUDENT");
		assertThat(ana.path("type").asString()).isEqualTo("BUYER");
		assertThat(ana.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(ana.path("plus_access").asString()).isEqualTo("WITHOUT_PLUS_ACCESS");
		assertThat(ana.path("class_id").asString()).isEqualTo(String.valueOf(this.defaultGroup.id()));
		assertThat(ana.path("access_count").asInt()).isEqualTo(1);
		assertThat(ana.path("first_access_date").asLong()).isGreaterThan(1_000_000_000_000L);
		assertThat(ana.path("purchase_date").asLong()).isGreaterThan(1_000_000_000_000L);
		assertThat(ana.path("is_deletable").asBoolean()).isFalse();
		assertThat(ana.path("progress").path("completed").asInt()).isEqualTo(1);
		assertThat(ana.path("progress").path("total").asInt()).isEqualTo(2);
		assertThat(ana.path("progress").path("completed_percentage").asInt()).isEqualTo(50);
		assertThat(ana.path("engagement").asString()).isEqualTo("HIGH");

		JsonNode bruno = find(items, "user_id", this.bruno.publicId());
		assertThat(bruno.path("type").asString()).isEqualTo("IMPORTED");
		assertThat(bruno.path("class_id").asString()).isEqualTo(String.valueOf(this.vip.id()));
		assertThat(bruno.path("purchase_date").asLong())
			.isEqualTo(Instant.parse("2024-01-10T00:00:00Z").toEpochMilli());
		assertThat(bruno.path("is_deletable").asBoolean()).isTrue();
		assertThat(bruno.path("engagement").asString()).isEqualTo("NONE");
		assertThat(bruno.has("first_access_date")).isFalse();
		assertThat(find(items, "user_id", this.carla.publicId()).path("status").asString())
			.isEqualTo("BLOCKED_BY_OWNER");

		JsonNode byEmail = get("/club/api/v1/users?subdomain=" + this.paula.subdomain() + "&email="
				+ this.bruno.email().substring(0, 10).toUpperCase());
		assertThat(byEmail.path("items")).hasSize(1);
		assertThat(byEmail.path("items").get(0).path("user_id").asString()).isEqualTo(this.bruno.publicId());
	}

	@Test
	void lessonsShowCompletionDatesOnlyForCompletedPages() {
		JsonNode body = get(
				"/club/api/v1/users/" + this.ana.publicId() + "/lessons?subdomain=" + this.paula.subdomain());
		assertThat(names(body)).containsExactly("lessons");
		JsonNode lessons = body.path("lessons");
		assertThat(lessons).hasSize(2);
		JsonNode intro = find(lessons, "page_id", this.intro.publicId());
		assertThat(names(intro)).contains("page_id", "page_name", "module_name", "is_module_extra", "is_completed",
				"completed_date");
		assertThat(intro.path("page_name").asString()).isEqualTo("Intro");
		assertThat(intro.path("module_name").asString()).isEqualTo("Welcome");
		assertThat(intro.path("is_module_extra").asBoolean()).isFalse();
		assertThat(intro.path("is_completed").asBoolean()).isTrue();
		assertThat(intro.path("completed_date").asLong()).isGreaterThan(1_000_000_000_000L);
		JsonNode video = find(lessons, "page_id", this.video.publicId());
		assertThat(video.path("is_completed").asBoolean()).isFalse();
		assertThat(video.has("completed_date")).isFalse();

		this.world.expect(404, this.paula, HttpMethod.GET,
				"/club/api/v1/users/nosuchuser/lessons?subdomain=" + this.paula.subdomain(), null, null);
	}

	@Test
	void theStudentAliasesAnswerBareArrays() {
		JsonNode students = get("/club/api/v1/students?subdomain=" + this.paula.subdomain());
		assertThat(students.isArray()).isTrue();
		assertThat(students).hasSize(3);
		assertThat(find(students, "user_id", this.ana.publicId()).path("type").asString()).isEqualTo("BUYER");

		JsonNode progress = get("/club/api/v1/students/progress?subdomain=" + this.paula.subdomain() + "&student_email="
				+ this.ana.email());
		assertThat(progress.isArray()).isTrue();
		assertThat(progress).hasSize(2);
		JsonNode intro = find(progress, "page_id", this.intro.publicId());
		assertThat(intro.path("is_completed").asBoolean()).isTrue();
		assertThat(intro.path("user_id").asString()).isEqualTo(this.ana.publicId());
		assertThat(get("/club/api/v1/students/progress?subdomain=" + this.paula.subdomain()
				+ "&student_email=nobody@example.com"))
			.isEmpty();
	}

	@Test
	void theClubApiNeedsABearerToken() {
		JsonNode error = this.world.expect(401, null, HttpMethod.GET,
				"/club/api/v1/modules?subdomain=" + this.paula.subdomain(), null, null);
		assertThat(error.path("error").asString()).isEqualTo("unauthorized");
	}

}
