package io.atrium.club;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.atrium.accounts.Accounts;
import io.atrium.api.ApiCredentials;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.PurchaseApproved;
import io.atrium.club.ClubApiWorld.Producer;
import io.atrium.club.StudentShop.Course;
import io.atrium.club.StudentShop.Student;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.Expiration;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
import io.atrium.platform.Dates;
import io.atrium.shared.Money;
import io.atrium.subscriptions.SubscriptionAccessChanged;
import io.atrium.subscriptions.SubscriptionStatus;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static io.atrium.subscriptions.SubscriptionStatus.ACTIVE;
import static io.atrium.subscriptions.SubscriptionStatus.CANCELLED_BY_CUSTOMER;
import static io.atrium.subscriptions.SubscriptionStatus.CANCELLED_BY_SELLER;
import static io.atrium.subscriptions.SubscriptionStatus.INACTIVE;
import static io.atrium.subscriptions.SubscriptionStatus.OVERDUE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access that follows subscriptions: a student enrolled by a real purchase gets one
 * access right per subscription from {@link SubscriptionAccessChanged} (published in a
 * transaction, handled after commit), and what the student can open, the producer's "why"
 * page, the Users tab and both APIs follow it: overdue since a date, cancelled with
 * access until the end of the paid period, two subscriptions of one product, late or
 * repeated changes ignored, and a reactivation that keeps the drip dates.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
class SubscriptionAccessIntegrationTests {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@LocalServerPort
	int port;

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
	ClubContent content;

	@Autowired
	Groups groups;

	@Autowired
	Enrollments enrollments;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	StudentShop shop;

	ClubApiWorld world;

	Course course;

	ClubPage welcome;

	ClubPage weekTwo;

	Student ana;

	Enrollment enrolled;

	WebClient student;

	WebClient producer;

	Producer api;

	@BeforeEach
	void aSubscriberEnrolledByARealPurchase() {
		this.shop = new StudentShop(this.accounts, this.products, this.offers, this.checkout, this.areas, this.content,
				this.enrollments);
		this.world = new ClubApiWorld(this.accounts, this.products, this.offers, this.checkout, this.areas,
				this.credentials, this.http, this.json, this.enrollments);
		this.course = this.shop.course("Yoga club");
		ClubModule basics = this.shop.module(this.course, "Basics");
		this.welcome = this.shop.text(this.course, basics, "Welcome", "Breathe in.");
		this.weekTwo = this.shop.text(this.course, basics, "Week two", "Sun salutation.");
		this.content.setPageRule(this.course.producer(), defaultGroup(), this.weekTwo.id(),
				new ContentRule(true, Drip.afterDays(7), Expiration.NEVER));
		this.ana = this.shop.student("Ana Subscriber");
		this.shop.buy(this.course, this.ana);
		this.enrolled = enrolment();

		this.student = new WebClient(this.port);
		this.student.logIn(this.ana.email(), StudentShop.PASSWORD);
		this.producer = new WebClient(this.port);
		this.producer.logIn(this.course.producerEmail(), StudentShop.PASSWORD);
		assertThat(this.producer.submit("/business/time-zone", Map.of("zone", "Europe/Rome"))
			.document()
			.selectFirst("#time-zone-saved")).isNotNull();
		this.api = new Producer(this.course.producer(), this.course.subdomain(),
				this.world.token(this.course.producer()));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anOverdueSubscriptionClosesTheProductAndSaysSinceWhenUntilItIsPaid() {
		long subscription = newSubscriptionId();
		apply(change(subscription, ACTIVE, true, null, null, 1));
		assertThat(this.student.get(this.course.page(this.welcome)).text()).contains("Breathe in.");
		assertThat(studentJson().path("status").asString()).isEqualTo("ACTIVE");

		Instant due = this.clock.instant().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
		apply(change(subscription, OVERDUE, false, null, due, 2));

		String since = "The subscription has been overdue since " + Dates.show(due, ROME, Locale.ENGLISH);
		assertThat(since).endsWith("(Europe/Rome)");
		Page closed = this.student.get(this.course.page(this.welcome));
		assertThat(closed.status()).isEqualTo(403);
		assertThat(closed.document().select("#lock-reasons li").eachText()).containsExactly(since);
		assertThat(closed.text()).doesNotContain("Breathe in.");
		assertThat(this.student.get("/club").document().select(".club-closed").text()).contains(since);

		Page why = why(this.welcome);
		assertThat(why.document().select("#why-reasons li").eachAttr("data-reason"))
			.containsExactly("SUBSCRIPTION_OVERDUE");
		assertThat(why.document().select("#why-reasons li span").text()).isEqualTo(since);

		JsonNode decision = access(this.welcome);
		assertThat(decision.path("allowed").asBoolean()).isFalse();
		assertThat(decision.path("reasons").get(0).path("reason").asString()).isEqualTo("SUBSCRIPTION_OVERDUE");
		assertThat(Instant.parse(decision.path("reasons").get(0).path("date").asString())).isEqualTo(due);

		assertThat(studentJson().path("status").asString()).isEqualTo("OVERDUE");
		assertThat(listedWithStatus("OVERDUE")).isTrue();
		assertThat(listedWithStatus("ACTIVE")).isFalse();
		assertThat(listedWithStatus("ENDED")).isFalse();
		Page users = this.producer.get(clubPath() + "/students?status=OVERDUE");
		assertThat(users.document().select("#student-" + this.enrolled.id()).text()).contains("Subscription overdue");
		assertThat(compatibleStatus()).isEqualTo("OVERDUE");

		apply(change(subscription, ACTIVE, true, null, null, 3));
		assertThat(this.student.get(this.course.page(this.welcome)).text()).contains("Breathe in.");
		assertThat(access(this.welcome).path("allowed").asBoolean()).isTrue();
		assertThat(listedWithStatus("ACTIVE")).isTrue();
		assertThat(compatibleStatus()).isEqualTo("ACTIVE");
	}

	@Test
	void aCancelledSubscriptionKeepsAccessUntilTheEndOfThePaidPeriod() {
		long subscription = newSubscriptionId();
		apply(change(subscription, ACTIVE, true, null, null, 1));
		Instant until = this.clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MINUTES);
		apply(change(subscription, CANCELLED_BY_CUSTOMER, true, until, null, 2));

		assertThat(this.student.get(this.course.page(this.welcome)).text()).contains("Breathe in.");
		assertThat(access(this.welcome).path("allowed").asBoolean()).isTrue();
		assertThat(why(this.welcome).document().select("#why-allowed")).hasSize(1);
		assertThat(studentJson().path("status").asString()).isEqualTo("ACTIVE");

		advance(Duration.ofDays(6));
		String ended = "The subscription was cancelled; access ended on " + Dates.show(until, ROME, Locale.ENGLISH);
		Page closed = this.student.get(this.course.page(this.welcome));
		assertThat(closed.status()).isEqualTo(403);
		assertThat(closed.document().select("#lock-reasons li").eachText()).containsExactly(ended);
		Page why = why(this.welcome);
		assertThat(why.document().select("#why-reasons li").eachAttr("data-reason"))
			.containsExactly("SUBSCRIPTION_CANCELLED");
		assertThat(why.document().select("#why-reasons li span").text()).isEqualTo(ended);
		JsonNode reason = access(this.welcome).path("reasons").get(0);
		assertThat(reason.path("reason").asString()).isEqualTo("SUBSCRIPTION_CANCELLED");
		assertThat(Instant.parse(reason.path("date").asString())).isEqualTo(until);
		assertThat(studentJson().path("status").asString()).isEqualTo("ENDED");
		assertThat(listedWithStatus("ENDED")).isTrue();
		assertThat(listedWithStatus("OVERDUE")).isFalse();
	}

	@Test
	void twoSubscriptionsOfOneProductAreTwoRightsAndCancellingOneKeepsTheOther() {
		long first = newSubscriptionId();
		long second = newSubscriptionId();
		apply(change(first, ACTIVE, true, null, null, 1));
		apply(change(second, ACTIVE, true, null, null, 1));

		apply(change(first, CANCELLED_BY_SELLER, false, null, null, 2));
		assertThat(this.student.get(this.course.page(this.welcome)).text()).contains("Breathe in.");
		assertThat(access(this.welcome).path("allowed").asBoolean()).isTrue();
		assertThat(studentJson().path("status").asString()).isEqualTo("ACTIVE");

		apply(change(second, INACTIVE, false, null, null, 2));
		Page closed = this.student.get(this.course.page(this.welcome));
		assertThat(closed.status()).isEqualTo(403);
		assertThat(closed.document().select("#lock-reasons li").eachText())
			.containsExactly("The subscription was cancelled", "The subscription is not active");
		assertThat(why(this.welcome).document().select("#why-reasons li").eachAttr("data-reason"))
			.containsExactly("SUBSCRIPTION_CANCELLED", "SUBSCRIPTION_INACTIVE");
		assertThat(studentJson().path("status").asString()).isEqualTo("ENDED");
	}

	@Test
	void aLateOrRepeatedChangeIsIgnored() {
		long subscription = newSubscriptionId();
		Instant due = this.clock.instant().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
		apply(change(subscription, OVERDUE, false, null, due, 3));
		// version 2 arrives after version 3 (a retry), and version 3 again with other
		// contents: neither changes anything
		apply(change(subscription, ACTIVE, true, null, null, 2));
		apply(change(subscription, ACTIVE, true, null, null, 3));
		apply(change(subscription, ACTIVE, true, null, null, 1));

		assertThat(this.student.get(this.course.page(this.welcome)).status()).isEqualTo(403);
		JsonNode reason = access(this.welcome).path("reasons").get(0);
		assertThat(reason.path("reason").asString()).isEqualTo("SUBSCRIPTION_OVERDUE");
		assertThat(Instant.parse(reason.path("date").asString())).isEqualTo(due);
		assertThat(studentJson().path("status").asString()).isEqualTo("OVERDUE");

		apply(change(subscription, ACTIVE, true, null, null, 4));
		assertThat(this.student.get(this.course.page(this.welcome)).text()).contains("Breathe in.");
	}

	@Test
	void aReactivatedSubscriptionKeepsTheDripDatesAndARenewalChargeNeitherReEnrolsNorMoves() {
		long subscription = newSubscriptionId();
		apply(change(subscription, ACTIVE, true, null, null, 1));
		Instant release = this.enrolled.startedAt().plus(Duration.ofDays(7));
		String available = "Available on " + Dates.show(release, ROME, Locale.ENGLISH);

		advance(Duration.ofDays(3));
		apply(change(subscription, OVERDUE, false, null, this.clock.instant(), 2));
		assertThat(this.student.get(this.course.page(this.welcome)).status()).isEqualTo(403);
		assertThat(this.student.get(this.course.page(this.weekTwo)).document().select("#lock-reasons li").eachText())
			.hasSize(2)
			.last()
			.isEqualTo(available);

		// two days later the buyer pays: a renewal charge (another purchase, here with
		// another offer's group), then the reactivation
		advance(Duration.ofDays(2));
		Group vip = this.groups.create(this.course.producer(), this.course.productId(), "VIP", false);
		long renewalPurchase = anotherRealPurchase();
		String renewal = "HPRENEW" + UUID.randomUUID().toString().substring(0, 8);
		PurchaseApproved charge = new PurchaseApproved(renewal, renewalPurchase, this.course.productId(), 1, vip.id(),
				this.course.producer(), this.ana.id(), this.ana.email(), Money.of(10000, "BRL"), this.clock.instant(),
				DeliveryKind.MEMBERS_AREA, subscription);
		this.transaction.executeWithoutResult((status) -> this.events.publishEvent(charge));
		awaitHandled(renewal);
		apply(change(subscription, ACTIVE, true, null, null, 3));

		Enrollment after = enrolment();
		assertThat(after.startedAt()).isEqualTo(this.enrolled.startedAt());
		assertThat(after.purchaseId()).isEqualTo(this.enrolled.purchaseId());
		assertThat(after.groupId()).isEqualTo(this.enrolled.groupId());
		assertThat(this.student.get(this.course.page(this.welcome)).text()).contains("Breathe in.");
		Page stillDripping = this.student.get(this.course.page(this.weekTwo));
		assertThat(stillDripping.status()).isEqualTo(403);
		assertThat(stillDripping.document().select("#lock-reasons li").eachText()).containsExactly(available);
		JsonNode started = studentJson();
		assertThat(Instant.parse(started.path("started_at").asString())).isEqualTo(this.enrolled.startedAt());

		advance(Duration.between(this.clock.instant(), release).plusMinutes(1));
		assertThat(this.student.get(this.course.page(this.weekTwo)).text()).contains("Sun salutation.");
	}

	/**
	 * A real purchase of Ana's in another product: the renewal event carries its id, so
	 * the purchase e-mail listener finds it (already mailed) and only the members area's
	 * reaction is under test.
	 */
	private long anotherRealPurchase() {
		Course other = this.shop.course("Other course");
		this.shop.buy(other, this.ana);
		return this.enrollments.ofAccount(this.ana.id())
			.stream()
			.filter((e) -> e.productId() == other.productId())
			.findFirst()
			.orElseThrow()
			.purchaseId();
	}

	/** Moves time on; the API token of before has expired by then, so a new one. */
	private void advance(Duration duration) {
		this.clock.advance(duration);
		this.api = new Producer(this.course.producer(), this.course.subdomain(),
				this.world.token(this.course.producer()));
	}

	private SubscriptionAccessChanged change(long subscriptionId, SubscriptionStatus status, boolean access,
			Instant accessUntil, Instant overdueSince, long version) {
		return new SubscriptionAccessChanged(subscriptionId, "SUB" + subscriptionId, this.course.productId(),
				this.course.producer(), this.ana.id(), this.ana.email(), this.enrolled.purchaseId(), status, access,
				accessUntil, overdueSince, this.clock.instant(), version);
	}

	/**
	 * Publishes the change as the subscriptions module does, inside a transaction, and
	 * waits until the members area handled it after the commit.
	 */
	private void apply(SubscriptionAccessChanged change) {
		this.transaction.executeWithoutResult((status) -> this.events.publishEvent(change));
		awaitHandled(change.subscriberCode());
	}

	private void awaitHandled(String marker) {
		Eventually.until("the members area handled " + marker, () -> this.jdbc
			.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
			.param("%\"" + marker + "\"%")
			.query(Long.class)
			.single() == 0);
	}

	private static long newSubscriptionId() {
		return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
	}

	private String clubPath() {
		return "/business/products/" + this.course.productId() + "/club";
	}

	private Page why(ClubPage page) {
		Page why = this.producer.get(clubPath() + "/why?student=" + this.enrolled.id() + "&page=" + page.id());
		assertThat(why.status()).isEqualTo(200);
		return why;
	}

	private JsonNode access(ClubPage page) {
		return this.world.get(this.api, "/api/v1/products/" + this.course.productId() + "/club/students/"
				+ this.enrolled.id() + "/access?page_id=" + page.id());
	}

	private JsonNode studentJson() {
		return this.world.get(this.api,
				"/api/v1/products/" + this.course.productId() + "/club/students/" + this.enrolled.id());
	}

	private boolean listedWithStatus(String status) {
		JsonNode page = this.world.get(this.api,
				"/api/v1/products/" + this.course.productId() + "/club/students?status=" + status);
		List<Long> ids = page.path("items").valueStream().map((n) -> n.path("id").asLong()).toList();
		return ids.contains(this.enrolled.id());
	}

	private String compatibleStatus() {
		JsonNode users = this.world.get(this.api,
				"/club/api/v1/users?subdomain=" + this.course.subdomain() + "&product_id=" + this.course.productId());
		assertThat(users.path("items")).hasSize(1);
		return users.path("items").get(0).path("status").asString();
	}

	private Enrollment enrolment() {
		return this.enrollments.ofAccount(this.ana.id())
			.stream()
			.filter((e) -> e.productId() == this.course.productId())
			.findFirst()
			.orElseThrow();
	}

	private long defaultGroup() {
		return this.groups.of(this.course.producer(), this.course.productId())
			.stream()
			.filter(Group::isDefault)
			.findFirst()
			.orElseThrow()
			.id();
	}

}
