package io.atrium.club;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.api.ApiCredentials;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.club.ClubApiWorld.Course;
import io.atrium.club.ClubApiWorld.Producer;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Groups;
import io.atrium.club.groups.StudentImport;
import io.atrium.shared.EmailAddress;
import io.atrium.support.AtriumIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Atrium's own {@code /api/v1} club endpoints: groups and offer links, students (add,
 * import, move, block), content with per-group rules, and the access decision. Refused
 * requests answer a problem detail and change nothing.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
class ClubApiIntegrationTests {

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
	Enrollments enrollments;

	ClubApiWorld world;

	Producer paula;

	Producer otto;

	Course course;

	Course otherCourse;

	Course ottosCourse;

	String base;

	@BeforeEach
	void club() {
		this.world = new ClubApiWorld(this.accounts, this.products, this.offers, this.checkout, this.areas,
				this.credentials, this.http, this.json, this.enrollments);
		this.paula = this.world.producer("Paula");
		this.otto = this.world.producer("Otto");
		this.course = this.world.course(this.paula, "Bread");
		this.otherCourse = this.world.course(this.paula, "Cake");
		this.ottosCourse = this.world.course(this.otto, "Otto's course");
		this.base = "/api/v1/products/" + this.course.productId() + "/club";
	}

	JsonNode expect(int status, HttpMethod method, String path, String key, String body) {
		return this.world.expect(status, this.paula, method, path, key, body);
	}

	JsonNode createGroup(String name) {
		return expect(201, HttpMethod.POST, this.base + "/groups", key(), "{\"name\":\"" + name + "\"}");
	}

	static String key() {
		return UUID.randomUUID().toString();
	}

	long student(String email) {
		JsonNode created = expect(201, HttpMethod.POST, this.base + "/students", key(),
				"{\"email\":\"" + email + "\",\"name\":\"Student\"}");
		return created.path("student").path("id").asLong();
	}

	@Test
	void groupsLifecycle() {
		JsonNode list = this.world.get(this.paula, this.base + "/groups");
		assertThat(list.path("items")).hasSize(1);
		JsonNode defaults = list.path("items").get(0);
		assertThat(defaults.path("is_default").asBoolean()).isTrue();

		String key = key();
		ResponseEntity<String> created = this.world.call(this.paula, HttpMethod.POST, this.base + "/groups", key,
				"{\"name\":\"VIP\"}");
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getHeaders().getLocation()).isNotNull();
		ResponseEntity<String> replayed = this.world.call(this.paula, HttpMethod.POST, this.base + "/groups", key,
				"{\"name\":\"VIP\"}");
		assertThat(replayed.getStatusCode().value()).isEqualTo(201);
		assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replayed.getBody()).isEqualTo(created.getBody());
		long vip = this.json.readTree(created.getBody()).path("id").asLong();
		assertThat(this.world.get(this.paula, this.base + "/groups").path("items")).hasSize(2);

		JsonNode taken = expect(409, HttpMethod.POST, this.base + "/groups", key(), "{\"name\":\"vip\"}");
		assertThat(taken.path("error").asString()).isEqualTo("group.name-taken");
		assertThat(taken.path("status").asInt()).isEqualTo(409);
		JsonNode blank = expect(400, HttpMethod.POST, this.base + "/groups", key(), "{\"name\":\"  \"}");
		assertThat(blank.path("error").asString()).isEqualTo("group.name-required");
		assertThat(blank.path("errors").get(0).path("field").asString()).isEqualTo("name");

		JsonNode renamed = expect(200, HttpMethod.PATCH, this.base + "/groups/" + vip, null, "{\"name\":\"Gold\"}");
		assertThat(renamed.path("name").asString()).isEqualTo("Gold");

		long ana = student(ClubApiWorld.unique("ana"));
		expect(200, HttpMethod.POST, this.base + "/students/move", null,
				"{\"student_ids\":[" + ana + "],\"group_id\":" + vip + "}");
		assertThat(this.world.get(this.paula, this.base + "/groups/" + vip).path("students").asInt()).isEqualTo(1);

		JsonNode refused = expect(409, HttpMethod.DELETE, this.base + "/groups/" + defaults.path("id").asLong(), null,
				null);
		assertThat(refused.path("error").asString()).isEqualTo("group.default-not-deletable");
		assertThat(refused.path("detail").asString()).contains("default group");

		expect(200, HttpMethod.POST, this.base + "/groups/" + vip + "/default", null, null);
		JsonNode now = this.world.get(this.paula, this.base + "/groups/" + defaults.path("id").asLong());
		assertThat(now.path("is_default").asBoolean()).isFalse();
		expect(200, HttpMethod.POST, this.base + "/groups/" + defaults.path("id").asLong() + "/default", null, null);

		JsonNode deleted = expect(200, HttpMethod.DELETE, this.base + "/groups/" + vip, null, null);
		assertThat(deleted.path("moved_students").asInt()).isEqualTo(1);
		assertThat(this.world.get(this.paula, this.base + "/students/" + ana).path("group_id").asLong())
			.isEqualTo(defaults.path("id").asLong());
		expect(404, HttpMethod.GET, this.base + "/groups/" + vip, null, null);

		// another producer's product and group are not found
		expect(404, HttpMethod.GET, "/api/v1/products/" + this.ottosCourse.productId() + "/club/groups", null, null);
		long ottosGroup = this.groups.of(this.otto.id(), this.ottosCourse.productId()).get(0).id();
		expect(404, HttpMethod.GET, this.base + "/groups/" + ottosGroup, null, null);
	}

	@Test
	void anOfferBelongsToOneGroupAtATime() {
		long a = createGroup("A").path("id").asLong();
		long b = createGroup("B").path("id").asLong();
		long offer = this.course.offerId();
		JsonNode linked = expect(200, HttpMethod.PUT, this.base + "/groups/" + a + "/offers/" + offer, null, null);
		assertThat(linked.path("group_id").asLong()).isEqualTo(a);
		assertThat(this.world.get(this.paula, this.base + "/groups/" + a).path("offer_ids").get(0).asLong())
			.isEqualTo(offer);

		JsonNode elsewhere = expect(409, HttpMethod.PUT, this.base + "/groups/" + b + "/offers/" + offer, null, null);
		assertThat(elsewhere.path("error").asString()).isEqualTo("offer.linked-elsewhere");
		assertThat(elsewhere.path("errors").get(0).path("field").asString()).isEqualTo("offer_id");
		assertThat(this.world.get(this.paula, this.base + "/groups/" + a + "/offers").path("items")).hasSize(1);
		assertThat(this.world.get(this.paula, this.base + "/groups/" + b + "/offers").path("items")).isEmpty();

		JsonNode notLinked = expect(409, HttpMethod.DELETE, this.base + "/groups/" + b + "/offers/" + offer, null,
				null);
		assertThat(notLinked.path("error").asString()).isEqualTo("offer.not-linked");
		// an offer of another product is not found
		expect(404, HttpMethod.PUT, this.base + "/groups/" + a + "/offers/" + this.otherCourse.offerId(), null, null);

		JsonNode unlinked = expect(200, HttpMethod.DELETE, this.base + "/groups/" + a + "/offers/" + offer, null, null);
		assertThat(unlinked.path("group_id").isNull()).isTrue();
		expect(200, HttpMethod.PUT, this.base + "/groups/" + b + "/offers/" + offer, null, null);

		// a buyer through the offer lands in its group
		String buyer = this.world.buy(this.course.offerCode(), "Bia Buyer");
		JsonNode found = this.world.get(this.paula, this.base + "/students?query=" + buyer);
		assertThat(found.path("items").get(0).path("group_id").asLong()).isEqualTo(b);
		assertThat(found.path("items").get(0).path("source").asString()).isEqualTo("BUYER");
	}

	@Test
	void refusedBulkMovesChangeNothing() {
		long vip = createGroup("VIP").path("id").asLong();
		long ana = student(ClubApiWorld.unique("ana"));
		long bruno = student(ClubApiWorld.unique("bruno"));
		long cakeStudent = this.enrollments
			.enroll(this.paula.id(), this.otherCourse.productId(),
					new StudentImport(ClubApiWorld.unique("cake"), "Cake", null, null, null))
			.enrollment()
			.id();
		long ottosStudent = this.enrollments
			.enroll(this.otto.id(), this.ottosCourse.productId(),
					new StudentImport(ClubApiWorld.unique("otto-student"), "Olga", null, null, null))
			.enrollment()
			.id();
		long cakeGroup = this.groups.of(this.paula.id(), this.otherCourse.productId()).get(0).id();

		JsonNode foreign = expect(400, HttpMethod.POST, this.base + "/students/move", null,
				"{\"student_ids\":[" + ana + "," + bruno + "," + ottosStudent + "],\"group_id\":" + vip + "}");
		assertThat(foreign.path("error").asString()).isEqualTo("students.unknown");
		JsonNode otherProduct = expect(400, HttpMethod.POST, this.base + "/students/move", null,
				"{\"student_ids\":[" + ana + "," + cakeStudent + "],\"group_id\":" + vip + "}");
		assertThat(otherProduct.path("error").asString()).isEqualTo("students.unknown");
		JsonNode otherGroup = expect(400, HttpMethod.POST, this.base + "/students/move", null,
				"{\"student_ids\":[" + ana + "],\"group_id\":" + cakeGroup + "}");
		assertThat(otherGroup.path("error").asString()).isEqualTo("group.other-product");
		JsonNode empty = expect(400, HttpMethod.POST, this.base + "/students/move", null,
				"{\"student_ids\":[],\"group_id\":" + vip + "}");
		assertThat(empty.path("error").asString()).isEqualTo("invalid_parameter");
		expect(400, HttpMethod.POST, this.base + "/students/block", null,
				"{\"student_ids\":[" + ana + "," + ottosStudent + "]}");

		assertThat(this.world.get(this.paula, this.base + "/groups/" + vip).path("students").asInt()).isZero();
		assertThat(this.world.get(this.paula, this.base + "/students/" + ana).path("blocked").asBoolean()).isFalse();
		assertThat(this.enrollments.student(this.otto.id(), this.ottosCourse.productId(), ottosStudent).groupId())
			.isNotEqualTo(vip);
		expect(404, HttpMethod.GET, this.base + "/students/" + ottosStudent, null, null);

		JsonNode moved = expect(200, HttpMethod.POST, this.base + "/students/move", null,
				"{\"student_ids\":[" + ana + "," + bruno + "],\"group_id\":" + vip + "}");
		assertThat(moved.path("changed").asInt()).isEqualTo(2);
		JsonNode inVip = this.world.get(this.paula, this.base + "/students?group_id=" + vip + "&limit=1");
		assertThat(inVip.path("items")).hasSize(1);
		assertThat(inVip.path("next_cursor").asString()).isNotEmpty();
		JsonNode page2 = this.world.get(this.paula,
				this.base + "/students?group_id=" + vip + "&limit=1&cursor=" + inVip.path("next_cursor").asString());
		assertThat(page2.path("items")).hasSize(1);
		assertThat(page2.has("next_cursor")).isFalse();

		expect(200, HttpMethod.POST, this.base + "/students/block", null, "{\"student_ids\":[" + ana + "]}");
		JsonNode blocked = this.world.get(this.paula, this.base + "/students?status=BLOCKED");
		assertThat(blocked.path("items")).hasSize(1);
		assertThat(blocked.path("items").get(0).path("id").asLong()).isEqualTo(ana);
		expect(200, HttpMethod.POST, this.base + "/students/unblock", null, "{\"student_ids\":[" + ana + "]}");
		assertThat(this.world.get(this.paula, this.base + "/students?status=BLOCKED").path("items")).isEmpty();
	}

	@Test
	void importsAreIdempotentAndReportEveryRow() {
		long vip = createGroup("VIP").path("id").asLong();
		long cakeGroup = this.groups.of(this.paula.id(), this.otherCourse.productId()).get(0).id();
		String ana = ClubApiWorld.unique("ana");
		String body = "{\"students\":[{\"email\":\"" + ana + "\",\"name\":\"Ana\",\"group_id\":" + vip
				+ ",\"started_at\":\"2025-01-01T00:00:00Z\"},{\"email\":\"not an address\"},{\"email\":\""
				+ ClubApiWorld.unique("bia") + "\",\"group_id\":" + cakeGroup + "},{\"email\":\""
				+ ClubApiWorld.unique("caio")
				+ "\",\"started_at\":\"2025-01-01T00:00:00Z\",\"access_ends_at\":\"2024-01-01T00:00:00Z\"}]}";
		String key = key();
		ResponseEntity<String> first = this.world.call(this.paula, HttpMethod.POST, this.base + "/students/import", key,
				body);
		assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
		JsonNode report = this.json.readTree(first.getBody());
		assertThat(report.path("created").asInt()).isEqualTo(1);
		assertThat(report.path("refused").asInt()).isEqualTo(3);
		JsonNode results = report.path("results");
		assertThat(results.get(0).path("result").asString()).isEqualTo("created");
		assertThat(results.get(1).path("error").asString()).isEqualTo("student.email-invalid");
		assertThat(results.get(2).path("error").asString()).isEqualTo("group.other-product");
		assertThat(results.get(3).path("error").asString()).isEqualTo("student.end-before-start");

		ResponseEntity<String> replay = this.world.call(this.paula, HttpMethod.POST, this.base + "/students/import",
				key, body);
		assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replay.getBody()).isEqualTo(first.getBody());
		assertThat(this.world.get(this.paula, this.base + "/students").path("items")).hasSize(1);

		JsonNode reused = expect(422, HttpMethod.POST, this.base + "/students/import", key,
				"{\"students\":[{\"email\":\"" + ana + "\"}]}");
		assertThat(reused.path("error").asString()).isEqualTo("idempotency_key_reused");
		JsonNode again = expect(200, HttpMethod.POST, this.base + "/students/import", key(),
				"{\"students\":[{\"email\":\"" + ana + "\",\"group_id\":" + vip + "}]}");
		assertThat(again.path("results").get(0).path("result").asString()).isEqualTo("updated");
		expect(400, HttpMethod.POST, this.base + "/students/import", null, body);
		expect(400, HttpMethod.POST, this.base + "/students/import", key(), "{\"students\":[]}");

		JsonNode one = expect(201, HttpMethod.POST, this.base + "/students", key(),
				"{\"email\":\"" + ClubApiWorld.unique("dani") + "\"}");
		assertThat(one.path("result").asString()).isEqualTo("created");
		assertThat(one.path("student").path("source").asString()).isEqualTo("IMPORTED");
		JsonNode bad = expect(400, HttpMethod.POST, this.base + "/students", key(), "{\"email\":\"nope\"}");
		assertThat(bad.path("error").asString()).isEqualTo("student.email-invalid");
	}

	@Test
	void enrollingSomeoneNewToThisProducerNeverTellsWhetherTheyHaveAnAccount() {
		String existing = ClubApiWorld.unique("has-account");
		this.accounts.createActive(EmailAddress.of(existing), "Secret Owner Name", "a long enough password",
				Locale.ENGLISH, Set.of(Role.STUDENT));
		String fresh = ClubApiWorld.unique("no-account");

		ResponseEntity<String> known = this.world.call(this.paula, HttpMethod.POST, this.base + "/students", key(),
				"{\"email\":\"" + existing + "\",\"name\":\"Given Name\"}");
		ResponseEntity<String> unknown = this.world.call(this.paula, HttpMethod.POST, this.base + "/students", key(),
				"{\"email\":\"" + fresh + "\",\"name\":\"Given Name\"}");
		assertThat(known.getStatusCode()).isEqualTo(unknown.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(known.getBody()).doesNotContain("Secret Owner Name");
		assertThat(comparable(known.getBody(), existing)).isEqualTo(comparable(unknown.getBody(), fresh));

		String existingToo = ClubApiWorld.unique("has-account-too");
		this.accounts.createActive(EmailAddress.of(existingToo), "Another Secret Name", "a long enough password",
				Locale.ENGLISH, Set.of(Role.STUDENT));
		JsonNode imported = expect(200, HttpMethod.POST, this.base + "/students/import", key(),
				"{\"students\":[{\"email\":\"" + existingToo + "\"},{\"email\":\""
						+ ClubApiWorld.unique("no-account-too") + "\"}]}");
		assertThat(imported.path("created").asInt()).isEqualTo(2);
		assertThat(imported.path("results").get(0).path("result").asString()).isEqualTo("created");
		JsonNode listed = this.world.get(this.paula, this.base + "/students?query=" + existingToo);
		assertThat(listed.path("items").get(0).path("name").asString())
			.as("the address's local part, not the account's name")
			.isEqualTo(existingToo.substring(0, existingToo.indexOf('@')));
	}

	/**
	 * The answer with what must differ between two students (ids, address, times)
	 * removed.
	 */
	private String comparable(String body, String email) {
		JsonNode student = this.json.readTree(body).path("student");
		assertThat(student.path("email").asString()).isEqualTo(email);
		ObjectNode copy = (ObjectNode) this.json.readTree(body);
		ObjectNode s = (ObjectNode) copy.path("student");
		s.remove(List.of("id", "user_id", "email", "started_at"));
		return copy.toString();
	}

	@Test
	void theAccessDecisionGivesEveryReasonInOrder() {
		JsonNode module = expect(201, HttpMethod.POST, this.base + "/modules", key(), "{\"name\":\"Welcome\"}");
		long moduleId = module.path("id").asLong();
		long intro = expect(201, HttpMethod.POST, this.base + "/modules/" + moduleId + "/pages", key(),
				"{\"name\":\"Intro\",\"kind\":\"TEXT\",\"body\":\"Hi\"}")
			.path("id")
			.asLong();
		long later = expect(201, HttpMethod.POST, this.base + "/modules/" + moduleId + "/pages", key(),
				"{\"name\":\"Later\",\"kind\":\"TEXT\"}")
			.path("id")
			.asLong();
		long vip = createGroup("VIP").path("id").asLong();
		long ana = student(ClubApiWorld.unique("ana"));
		expect(200, HttpMethod.POST, this.base + "/students/move", null,
				"{\"student_ids\":[" + ana + "],\"group_id\":" + vip + "}");

		JsonNode open = this.world.get(this.paula, this.base + "/students/" + ana + "/access?page_id=" + intro);
		assertThat(open.path("allowed").asBoolean()).isTrue();
		assertThat(open.path("reasons")).isEmpty();

		JsonNode rule = expect(200, HttpMethod.PUT, this.base + "/modules/" + moduleId + "/rules/" + vip, null,
				"{\"drip\":{\"kind\":\"DAYS\",\"days\":10},\"expiration\":{\"kind\":\"NEVER\"}}");
		assertThat(rule.path("own").asBoolean()).isTrue();
		assertThat(rule.path("drip").path("days").asInt()).isEqualTo(10);
		expect(200, HttpMethod.PUT, this.base + "/pages/" + later + "/rules/" + vip, null,
				"{\"drip\":{\"kind\":\"AFTER_PAGE\",\"after_page_id\":" + intro + "}}");
		JsonNode inherited = this.world.get(this.paula, this.base + "/pages/" + intro + "/rules/" + vip);
		assertThat(inherited.path("own").asBoolean()).isFalse();
		assertThat(inherited.path("drip").path("kind").asString()).isEqualTo("DAYS");

		expect(200, HttpMethod.POST, this.base + "/students/block", null, "{\"student_ids\":[" + ana + "]}");
		JsonNode closed = this.world.get(this.paula, this.base + "/students/" + ana + "/access?page_id=" + intro);
		assertThat(closed.path("allowed").asBoolean()).isFalse();
		assertThat(closed.path("reasons").get(0).path("reason").asString()).isEqualTo("BLOCKED_BY_PRODUCER");
		JsonNode dripped = closed.path("reasons").get(1);
		assertThat(dripped.path("reason").asString()).isEqualTo("NOT_RELEASED_YET");
		Instant release = Instant.parse(dripped.path("date").asString());
		assertThat(release).isAfter(Instant.now().plus(Duration.ofDays(9)));

		JsonNode waiting = this.world.get(this.paula, this.base + "/students/" + ana + "/access?page_id=" + later);
		JsonNode afterPage = waiting.path("reasons").get(1);
		assertThat(afterPage.path("reason").asString()).isEqualTo("NOT_RELEASED_YET");
		assertThat(afterPage.path("prerequisite_page_id").asLong()).isEqualTo(intro);
		assertThat(afterPage.path("date").isNull()).isTrue();

		JsonNode table = this.world.get(this.paula, this.base + "/rules");
		assertThat(table.path("groups")).hasSize(2);
		assertThat(table.path("rows")).hasSize(3);
		assertThat(this.world.get(this.paula, this.base + "/modules").path("items").get(0).path("pages")).hasSize(2);

		JsonNode badRule = expect(400, HttpMethod.PUT, this.base + "/modules/" + moduleId + "/rules/" + vip, null,
				"{\"drip\":{\"kind\":\"DAYS\",\"days\":0}}");
		assertThat(badRule.path("error").asString()).isEqualTo("rule.drip-days");
		assertThat(badRule.path("errors").get(0).path("field").asString()).isEqualTo("drip.days");
		JsonNode neverOpens = expect(400, HttpMethod.PUT, this.base + "/modules/" + moduleId + "/rules/" + vip, null,
				"{\"drip\":{\"kind\":\"DAYS\",\"days\":10},\"expiration\":{\"kind\":\"DAYS\",\"days\":5}}");
		assertThat(neverOpens.path("error").asString()).isEqualTo("rule.expiry-days-before-release");
		assertThat(neverOpens.path("errors").get(0).path("field").asString()).isEqualTo("expiration.days");
		JsonNode reversed = expect(400, HttpMethod.PUT, this.base + "/pages/" + later + "/rules/" + vip, null,
				"{\"drip\":{\"kind\":\"DATE\",\"date\":\"2099-03-10T03:00:00Z\"},"
						+ "\"expiration\":{\"kind\":\"DATE\",\"date\":\"2099-03-01T03:00:00Z\"}}");
		assertThat(reversed.path("error").asString()).isEqualTo("rule.expiry-before-release");
		assertThat(reversed.path("errors").get(0).path("field").asString()).isEqualTo("expiration.date");
		JsonNode itself = expect(400, HttpMethod.PUT, this.base + "/modules/" + moduleId + "/rules/" + vip, null,
				"{\"drip\":{\"kind\":\"AFTER_PAGE\",\"after_page_id\":" + intro + "}}");
		assertThat(itself.path("error").asString()).isEqualTo("rule.page-cycle");
		long cakeGroup = this.groups.of(this.paula.id(), this.otherCourse.productId()).get(0).id();
		JsonNode wrongGroup = expect(400, HttpMethod.PUT, this.base + "/modules/" + moduleId + "/rules/" + cakeGroup,
				null, "{\"visible\":false}");
		assertThat(wrongGroup.path("error").asString()).isEqualTo("group.other-product");
		expect(404, HttpMethod.GET, this.base + "/students/" + ana + "/access?page_id=999999999", null, null);
		expect(404, HttpMethod.GET, "/api/v1/products/" + this.otherCourse.productId() + "/club/students/" + ana
				+ "/access?page_id=" + intro, null, null);

		expect(200, HttpMethod.DELETE, this.base + "/pages/" + later + "/rules/" + vip, null, null);
		assertThat(this.world.get(this.paula, this.base + "/pages/" + later + "/rules/" + vip).path("own").asBoolean())
			.isFalse();
	}

}
