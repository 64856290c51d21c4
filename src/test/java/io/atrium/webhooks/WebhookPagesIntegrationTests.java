package io.atrium.webhooks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Product;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.Purchase;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import io.atrium.support.WebClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's webhook pages over real HTTP, against real receivers: who may see what,
 * adding an endpoint (its secret shown once and working), editing, disabling, enabling,
 * rotating, deleting, the hottok, refusals that keep the form, the delivery log with its
 * filters and attempts, resending, replaying after an outage, and the four languages.
 */
@WebhookIntegrationTest
class WebhookPagesIntegrationTests {

	static final String HOME = "/business/webhooks";

	static final String LOG = "/business/webhooks/deliveries";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Checkout checkout;

	@Autowired
	Webhooks webhooks;

	@Autowired
	TestClock clock;

	WebhookWorld world;

	final List<Receiver> receivers = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.world = new WebhookWorld(this.accounts, this.products, this.offers, this.checkout, this.webhooks);
	}

	@AfterEach
	void tearDown() {
		this.receivers.forEach(Receiver::close);
		this.clock.reset();
	}

	@Test
	void onlyProducersOpenTheWebhookPagesAndEachOnlyTheirOwnEndpointsAndDeliveries() throws InterruptedException {
		PageProducer student = PageProducer.create(this.accounts, this.port, Role.STUDENT);
		assertThat(student.web().get(HOME).status()).isEqualTo(403);
		assertThat(student.web().get(LOG).status()).isEqualTo(403);
		assertThat(student.web().get(HOME + "/new").status()).isEqualTo(403);

		Receiver receiver = receiver();
		long other = this.world.producer();
		CreatedEndpoint theirs = this.world.endpoint(other, receiver.url());
		long id = theirs.endpoint().id();
		WebhookDelivery theirTest = this.webhooks.sendTest(other, id, WebhookEvent.PURCHASE_APPROVED);
		receiver.await(1);
		awaitDelivery(other, theirTest.id(), DeliveryStatus.DELIVERED);

		PageProducer me = producer();
		for (String path : List.of(HOME + "/" + id + "/edit", HOME + "/" + id + "/rotate", HOME + "/" + id + "/delete",
				LOG + "/" + theirTest.id())) {
			assertThat(me.web().get(path).status()).as(path).isEqualTo(404);
		}
		Map<String, String> fields = Map.of("url", "https://8.8.8.8/x", "events", "PURCHASE_APPROVED", "event",
				"PURCHASE_APPROVED");
		for (String action : List.of("edit", "disable", "enable", "rotate", "delete", "test")) {
			assertThat(me.post(HOME, HOME + "/" + id + "/" + action, fields).status()).as(action).isEqualTo(404);
		}
		assertThat(me.post(LOG, LOG + "/" + theirTest.id() + "/resend", Map.of()).status()).isEqualTo(404);
		Page many = me.post(LOG, LOG + "/resend", Map.of("ids", String.valueOf(theirTest.id())));
		assertThat(many.status()).isEqualTo(302);
		assertThat(me.web().get(many.location()).document().getElementById("webhooks-notice").text())
			.contains("No delivery was scheduled");
		Page replay = me.post(LOG, LOG + "/replay",
				Map.of("endpoint", String.valueOf(id), "since", LocalDate.now().minusDays(1).toString()));
		assertThat(replay.status()).isEqualTo(422);
		assertThat(replay.document().getElementById("webhooks-problem").text())
			.isEqualTo("Choose one of your endpoints.");

		// a form posted without the page's CSRF token is refused
		assertThat(me.web().post(HOME + "/hottok/regenerate", Map.of("_csrf", "forged")).status()).isEqualTo(403);

		// nothing of theirs changed, nothing more was posted, and none of it shows
		Thread.sleep(1500);
		WebhookEndpoint unchanged = this.webhooks.endpoint(other, id);
		assertThat(unchanged.status()).isEqualTo(EndpointStatus.ACTIVE);
		assertThat(unchanged.url()).isEqualTo(receiver.url());
		assertThat(receiver.requests()).hasSize(1);
		assertThat(this.webhooks.delivery(other, theirTest.id()).attempts()).isEqualTo(1);
		assertThat(me.web().get(HOME).body()).doesNotContain(receiver.url());
		assertThat(me.web().get(LOG).body()).doesNotContain(theirTest.eventId()).contains("No deliveries match");
		assertThat(me.web().get(LOG + "?endpoint=" + id).document().select("tr.delivery")).isEmpty();
	}

	@Test
	void anEndpointAddedOnThePageShowsItsSecretOnceAndEveryChangeTakesEffect() {
		PageProducer me = producer();
		me.zone("Europe/Rome");
		Product bread = this.world.course(me.id(), Delivery.membersArea());
		Receiver receiver = receiver();

		Document form = me.web().get(HOME + "/new").document();
		assertThat(form.select("input[name=events]")).hasSize(WebhookEvent.values().length);
		for (Element box : form.select("input[name=events]")) {
			assertThat(form.select("label[for=" + box.id() + "]").text()).as(box.val())
				.contains(box.val())
				.hasSizeGreaterThan(box.val().length() + 5);
		}
		assertThat(form.select("label[for=event-PURCHASE_APPROVED]").text()).startsWith("A purchase was paid");
		assertThat(form.select("ol.breadcrumb").text()).isEqualTo("Manage my business Webhooks Add a webhook endpoint");
		assertThat(form.select("input[name=products][value=" + bread.id() + "]")).hasSize(1);

		Page created = me.web()
			.post(HOME + "/new",
					Map.of("url", receiver.url(), "description", "My members area", "events",
							"PURCHASE_APPROVED,PURCHASE_REFUNDED,SUBSCRIPTION_CANCELLATION", "scope", "chosen",
							"products", String.valueOf(bread.id())));
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.header("Cache-Control")).contains("no-store");
		String secret = created.document().getElementById("signing-secret").val();
		String hottok = created.document().getElementById("secret-hottok").val();
		assertThat(secret).startsWith("whsec_");
		assertThat(created.document().select("ol.breadcrumb").text())
			.isEqualTo("Manage my business Webhooks Endpoint added");
		assertThat(created.document().select("[role=alert]").text()).contains("will not be shown again");
		WebhookEndpoint saved = this.webhooks.endpoints(me.id()).get(0);
		assertThat(saved.url()).isEqualTo(receiver.url());
		assertThat(saved.description()).isEqualTo("My members area");
		assertThat(saved.events()).containsExactlyInAnyOrder(WebhookEvent.PURCHASE_APPROVED,
				WebhookEvent.PURCHASE_REFUNDED, WebhookEvent.SUBSCRIPTION_CANCELLATION);
		assertThat(saved.productIds()).containsExactly(bread.id());
		long id = saved.id();

		Page list = me.web().get(HOME);
		Element card = endpointCard(list, id);
		assertThat(card.text()).contains(receiver.url(), "My members area", "Active", "A purchase was paid",
				"A purchase was refunded", "A subscription was cancelled", "Sourdough course");
		assertThat(list.body()).doesNotContain(secret);
		assertThat(list.document().getElementById("hottok").val()).isEqualTo(hottok);
		assertThat(this.webhooks.hottok(me.id())).isEqualTo(hottok);

		// the secret shown signs the test event the page sends
		Page test = me.post(HOME, HOME + "/" + id + "/test", Map.of("event", "PURCHASE_REFUNDED"));
		assertThat(test.status()).isEqualTo(302);
		assertThat(test.location()).endsWith(LOG + "?endpoint=" + id);
		assertThat(me.web().get(test.location()).document().getElementById("webhooks-notice").text())
			.contains("A test PURCHASE_REFUNDED was sent to " + receiver.url());
		Receiver.Request first = receiver.await(1).get(0);
		assertThat(first.body()).contains("\"event\":\"PURCHASE_REFUNDED\"").contains("HP00000000000000");
		assertThat(first.header("x-hotmart-hottok")).isEqualTo(hottok);
		assertThat(StandardWebhooksCheck.verifies(secret, first, first.at())).isTrue();

		// edit: the form holds what is saved; the change is saved
		Document edit = me.web().get(HOME + "/" + id + "/edit").document();
		assertThat(edit.getElementById("endpoint-url").val()).isEqualTo(receiver.url());
		assertThat(edit.getElementById("event-PURCHASE_REFUNDED").hasAttr("checked")).isTrue();
		assertThat(edit.getElementById("event-PURCHASE_COMPLETE").hasAttr("checked")).isFalse();
		assertThat(edit.getElementById("scope-chosen").hasAttr("checked")).isTrue();
		assertThat(edit.getElementById("product-" + bread.id()).hasAttr("checked")).isTrue();
		Page updated = me.web()
			.post(HOME + "/" + id + "/edit", Map.of("url", receiver.url(), "description", "", "events",
					"PURCHASE_APPROVED,CLUB_FIRST_ACCESS", "scope", "all"));
		assertThat(updated.status()).isEqualTo(302);
		WebhookEndpoint changed = this.webhooks.endpoint(me.id(), id);
		assertThat(changed.events()).containsExactlyInAnyOrder(WebhookEvent.PURCHASE_APPROVED,
				WebhookEvent.CLUB_FIRST_ACCESS);
		assertThat(changed.productIds()).isEmpty();
		assertThat(changed.description()).isNull();
		Page afterEdit = me.web().get(updated.location());
		assertThat(afterEdit.document().getElementById("webhooks-notice").text())
			.isEqualTo("Endpoint " + receiver.url() + " saved.");
		assertThat(endpointCard(afterEdit, id).select(".endpoint-products").text()).isEqualTo("All products");

		// disable, enable
		assertThat(me.post(HOME, HOME + "/" + id + "/disable", Map.of()).status()).isEqualTo(302);
		assertThat(this.webhooks.endpoint(me.id(), id).status()).isEqualTo(EndpointStatus.DISABLED);
		Element disabled = endpointCard(me.web().get(HOME), id);
		assertThat(disabled.select(".endpoint-status").text()).isEqualTo("Disabled");
		assertThat(disabled.select(".endpoint-disabled").text()).startsWith("You disabled it on")
			.endsWith("(Europe/Rome).");
		assertThat(me.post(HOME, HOME + "/" + id + "/enable", Map.of()).status()).isEqualTo(302);
		assertThat(this.webhooks.endpoint(me.id(), id).status()).isEqualTo(EndpointStatus.ACTIVE);
		assertThat(endpointCard(me.web().get(HOME), id).select(".endpoint-status").text()).isEqualTo("Active");

		// rotate: asked first; the new secret shown once; both sign for 24 hours
		Page confirm = me.web().get(HOME + "/" + id + "/rotate");
		assertThat(confirm.text()).contains("24 hours", receiver.url());
		assertThat(this.webhooks.endpoint(me.id(), id).previousSecretExpiresAt()).isNull();
		Page rotated = me.web().post(HOME + "/" + id + "/rotate", Map.of());
		assertThat(rotated.status()).isEqualTo(200);
		assertThat(rotated.header("Cache-Control")).contains("no-store");
		String newSecret = rotated.document().getElementById("signing-secret").val();
		assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);
		assertThat(rotated.document().getElementById("secret-previous").text()).contains("stays valid until")
			.contains("(Europe/Rome)");
		assertThat(endpointCard(me.web().get(HOME), id).text())
			.contains("The previous signing secret also signs until");
		me.post(HOME, HOME + "/" + id + "/test", Map.of("event", "CLUB_FIRST_ACCESS"));
		Receiver.Request second = receiver.await(2).get(1);
		assertThat(second.header("webhook-signature").split(" ")).hasSize(2);
		assertThat(StandardWebhooksCheck.verifies(newSecret, second, second.at())).isTrue();
		assertThat(StandardWebhooksCheck.verifies(secret, second, second.at())).isTrue();

		// delete: asked first; the log keeps its deliveries, which can no longer be
		// resent
		assertThat(me.web().get(HOME + "/" + id + "/delete").text()).contains("60 days");
		assertThat(this.webhooks.endpoints(me.id())).hasSize(1);
		Page deleted = me.web().post(HOME + "/" + id + "/delete", Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(this.webhooks.endpoints(me.id())).isEmpty();
		Page afterDelete = me.web().get(HOME);
		assertThat(afterDelete.document().getElementById("webhooks-notice").text()).contains("deleted");
		assertThat(afterDelete.document().select("article.endpoint")).isEmpty();
		Document log = me.web().get(LOG).document();
		assertThat(log.select("tr.delivery")).hasSize(2);
		assertThat(log.select("tr.delivery").text()).contains("Deleted endpoint");
		assertThat(log.select("input[name=ids]")).isEmpty();
	}

	@Test
	void theHottokIsShownAndRegeneratedOnlyAfterConfirming() {
		PageProducer me = producer();
		Receiver receiver = receiver();
		String hottok = me.web().get(HOME).document().getElementById("hottok").val();
		assertThat(hottok).hasSizeGreaterThanOrEqualTo(32);
		CreatedEndpoint endpoint = this.world.endpoint(me.id(), receiver.url());

		Page confirm = me.web().get(HOME + "/hottok/regenerate");
		assertThat(confirm.text()).contains("Regenerate your hottok?", "refuse webhooks until you update them");
		assertThat(me.web().get(HOME).document().getElementById("hottok").val()).isEqualTo(hottok);

		Page regenerated = me.post(HOME + "/hottok/regenerate", HOME + "/hottok/regenerate", Map.of());
		assertThat(regenerated.status()).isEqualTo(302);
		Page after = me.web().get(regenerated.location());
		String fresh = after.document().getElementById("hottok").val();
		assertThat(fresh).isNotEqualTo(hottok).isEqualTo(this.webhooks.hottok(me.id()));
		assertThat(after.document().getElementById("webhooks-notice").text()).contains("hottok was regenerated");

		this.webhooks.sendTest(me.id(), endpoint.endpoint().id(), WebhookEvent.PURCHASE_APPROVED);
		assertThat(receiver.await(1).get(0).header("x-hotmart-hottok")).isEqualTo(fresh);
	}

	@Test
	void refusalsKeepTheFormSayWhyAndSaveNothing() {
		PageProducer me = producer();
		long stranger = this.world.producer();
		Product theirs = this.world.course(stranger, Delivery.membersArea());
		Product mine = this.world.course(me.id(), Delivery.membersArea());
		String url = "https://8.8.8.8/hooks/atrium";

		Page noEvents = me.post(HOME + "/new", HOME + "/new", Map.of("url", url, "scope", "all"));
		assertThat(noEvents.status()).isEqualTo(422);
		assertProblem(noEvents, "Choose at least one event from the list.");
		assertThat(noEvents.document().getElementById("endpoint-url").val()).isEqualTo(url);
		assertThat(noEvents.document().getElementById("endpoint-events").attr("aria-describedby"))
			.contains("webhooks-problem");

		Page noProducts = me.post(HOME + "/new", HOME + "/new",
				Map.of("url", url, "events", "PURCHASE_APPROVED", "scope", "chosen", "description", "kept"));
		assertThat(noProducts.status()).isEqualTo(422);
		assertProblem(noProducts, "Choose all products, or tick at least one of your products.");
		assertThat(noProducts.document().getElementById("endpoint-description").val()).isEqualTo("kept");
		assertThat(noProducts.document().getElementById("event-PURCHASE_APPROVED").hasAttr("checked")).isTrue();
		assertThat(noProducts.document().getElementById("scope-chosen").hasAttr("checked")).isTrue();

		Page strangers = me.post(HOME + "/new", HOME + "/new", Map.of("url", url, "events", "PURCHASE_APPROVED",
				"scope", "chosen", "products", theirs.id() + "," + mine.id()));
		assertThat(strangers.status()).isEqualTo(422);
		assertProblem(strangers, "Choose all products, or tick at least one of your products.");
		assertThat(strangers.document().getElementById("product-" + mine.id()).hasAttr("checked")).isTrue();

		Page notAnId = me.post(HOME + "/new", HOME + "/new",
				Map.of("url", url, "events", "PURCHASE_APPROVED", "scope", "chosen", "products", "x'1"));
		assertThat(notAnId.status()).isEqualTo(422);

		Page unknownEvent = me.post(HOME + "/new", HOME + "/new", Map.of("url", url, "events", "PURCHASE_STOLEN"));
		assertThat(unknownEvent.status()).isEqualTo(422);
		assertProblem(unknownEvent, "Choose at least one event from the list.");

		Page longDescription = me.post(HOME + "/new", HOME + "/new",
				Map.of("url", url, "events", "PURCHASE_APPROVED", "description", "d".repeat(201)));
		assertThat(longDescription.status()).isEqualTo(422);
		assertProblem(longDescription, "The description can have at most 200 characters.");
		assertThat(longDescription.document().getElementById("endpoint-description").attr("aria-invalid"))
			.isEqualTo("true");

		Page ftp = me.post(HOME + "/new", HOME + "/new",
				Map.of("url", "ftp://example.com/x", "events", "PURCHASE_APPROVED"));
		assertThat(ftp.status()).isEqualTo(422);
		assertProblem(ftp, "Check the endpoint URL. The URL must start with https:// or http://.");
		assertThat(ftp.document().getElementById("endpoint-url").attr("aria-invalid")).isEqualTo("true");
		assertThat(ftp.document().getElementById("endpoint-url").val()).isEqualTo("ftp://example.com/x");

		Page blank = me.post(HOME + "/new", HOME + "/new", Map.of("url", " ", "events", "PURCHASE_APPROVED"));
		assertThat(blank.status()).isEqualTo(422);
		assertProblem(blank, "Check the endpoint URL. The URL is required.");

		Page nowhere = me.post(HOME + "/new", HOME + "/new",
				Map.of("url", "https://no-such-host.invalid/hook", "events", "PURCHASE_APPROVED"));
		assertThat(nowhere.status()).isEqualTo(422);
		assertThat(nowhere.document().getElementById("webhooks-problem").text())
			.startsWith("This address cannot receive webhooks")
			.contains("no-such-host.invalid does not resolve");
		assertThat(this.webhooks.endpoints(me.id())).isEmpty();

		// a change refused leaves the endpoint as it was
		CreatedEndpoint endpoint = this.world.endpoint(me.id(), url);
		long id = endpoint.endpoint().id();
		Page badEdit = me.post(HOME + "/" + id + "/edit", HOME + "/" + id + "/edit",
				Map.of("url", "https://user:pw@8.8.8.8/x", "events", "PURCHASE_REFUNDED"));
		assertThat(badEdit.status()).isEqualTo(422);
		assertProblem(badEdit, "Check the endpoint URL. The URL must not carry a user name or password.");
		assertThat(this.webhooks.endpoint(me.id(), id).url()).isEqualTo(url);
		assertThat(this.webhooks.endpoint(me.id(), id).events()).isEqualTo(EnumSet.allOf(WebhookEvent.class));

		Page badTest = me.post(HOME, HOME + "/" + id + "/test", Map.of("event", "PURCHASE_STOLEN"));
		assertThat(badTest.status()).isEqualTo(422);
		assertProblem(badTest, "Choose a test event from the list.");

		// unreadable ids and filters are answered, never with a 500
		assertThat(me.web().get(HOME + "/abc/edit").status()).isEqualTo(400);
		assertThat(me.web().get(HOME + "/99999999999/edit").status()).isEqualTo(404);
		assertThat(me.web().get(HOME + "/99999999999999999999999/edit").status()).isEqualTo(400);
		assertThat(me.web().get(LOG + "/xyz").status()).isEqualTo(400);
		Page oddFilters = me.web()
			.get(LOG + "?event=NOPE&status=%27;drop&endpoint=x&before=-&transaction=" + "T".repeat(5000));
		assertThat(oddFilters.status()).isEqualTo(200);
		assertThat(oddFilters.document().getElementById("filter-event").select("option[selected]")).isEmpty();

		Page noneTicked = me.post(LOG, LOG + "/resend", Map.of());
		assertThat(noneTicked.status()).isEqualTo(422);
		assertProblem(noneTicked, "Tick at least one delivery to resend.");
		Page garbageIds = me.post(LOG, LOG + "/resend", Map.of("ids", "a,b"));
		assertThat(garbageIds.status()).isEqualTo(422);

		Page noDate = me.post(LOG, LOG + "/replay", Map.of("since", "yesterday"));
		assertThat(noDate.status()).isEqualTo(422);
		assertProblem(noDate, "Enter the day the outage began.");
		assertThat(noDate.document().getElementById("replay-since").val()).isEqualTo("yesterday");
		Page badTime = me.post(LOG, LOG + "/replay", Map.of("since", "2026-01-01", "time", "25:99"));
		assertThat(badTime.status()).isEqualTo(422);
		assertProblem(badTime, "Enter a time such as 14:30, or leave it empty.");
		Page future = me.post(LOG, LOG + "/replay", Map.of("since", LocalDate.now().plusDays(2).toString()));
		assertThat(future.status()).isEqualTo(422);
		assertProblem(future, "Choose a moment in the past.");
		Page farFuture = me.post(LOG, LOG + "/replay", Map.of("since", "9999-12-31"));
		assertThat(farFuture.status()).isEqualTo(422);
	}

	@Test
	void theLogFiltersShowsAttemptsResendsAndReplaysAfterAnOutage() {
		PageProducer me = producer();
		me.zone("America/New_York");
		Receiver healthy = receiver();
		Receiver failing = receiver();
		failing.answer((r) -> Receiver.Reply.status(500));
		long a = this.world.endpoint(me.id(), healthy.url()).endpoint().id();
		long b = this.world.endpoint(me.id(), failing.url(), EnumSet.of(WebhookEvent.PURCHASE_APPROVED))
			.endpoint()
			.id();
		Product course = this.world.course(me.id(), Delivery.membersArea());
		Offer offer = this.world.single(me.id(), course.id(), 4990);
		Purchase sale = this.world.buy(offer.code(), WebhookWorld.unique("buyer"), WebhookWorld.APPROVED_CARD);
		WebhookDelivery refundTest = this.webhooks.sendTest(me.id(), a, WebhookEvent.PURCHASE_REFUNDED);
		healthy.await(2);
		// the failing receiver: the first attempt at once, the second 5 s later
		failing.await(2);
		WebhookDelivery toB = deliveries(me, "?endpoint=" + b).get(0);
		Eventually.until("two attempts to the failing receiver",
				() -> this.webhooks.delivery(me.id(), toB.id()).attempts() == 2);

		Document all = me.web().get(LOG).document();
		assertThat(all.select("tr.delivery")).hasSize(3);
		assertThat(events(me, "?event=PURCHASE_REFUNDED")).containsExactly("PURCHASE_REFUNDED");
		assertThat(ids(me, "?endpoint=" + b)).containsExactly(toB.id());
		assertThat(ids(me, "?status=PENDING")).containsExactly(toB.id());
		assertThat(ids(me, "?status=delivered")).hasSize(2).contains(refundTest.id());
		assertThat(ids(me, "?transaction=" + sale.transaction())).hasSize(2).contains(toB.id());
		assertThat(ids(me, "?transaction=" + sale.transaction() + "&endpoint=" + a)).hasSize(1)
			.doesNotContain(toB.id());
		Document filtered = me.web().get(LOG + "?event=PURCHASE_APPROVED&status=PENDING").document();
		assertThat(filtered.select("#filter-event option[selected]").val()).isEqualTo("PURCHASE_APPROVED");
		assertThat(filtered.select("#filter-status option[selected]").val()).isEqualTo("PENDING");
		Element row = all.selectFirst("tr.delivery[data-delivery-id=" + toB.id() + "]");
		assertThat(row.text()).contains("A purchase was paid", failing.url(), sale.transaction(), "Pending",
				"2 attempts", "Last answer: 500", "Next attempt: ", "(America/New_York)");
		assertThat(row.selectFirst("a[href=" + LOG + "?transaction=" + sale.transaction() + "]")).isNotNull();

		// one delivery: its attempts with time, status, latency and the start of the
		// answer
		Document detail = me.web().get(LOG + "/" + toB.id()).document();
		assertThat(detail.getElementById("delivery-event-id").text()).isEqualTo(toB.eventId());
		assertThat(detail.select("tr.attempt")).hasSize(2);
		for (Element attempt : detail.select("tr.attempt")) {
			assertThat(attempt.text()).contains("(America/New_York)", "500", " ms", "answer 500");
		}
		assertThat(detail.getElementById("delivery-payload").text()).contains(sale.transaction());

		// resend: the failing receiver recovers; the ticked deliveries go again, same ids
		failing.answer((r) -> Receiver.Reply.status(200));
		Page resent = me.post(LOG, LOG + "/resend",
				Map.of("ids", toB.id() + "," + refundTest.id(), "status", "PENDING"));
		assertThat(resent.status()).isEqualTo(302);
		assertThat(resent.location()).endsWith(LOG + "?status=PENDING");
		assertThat(me.web().get(resent.location()).document().getElementById("webhooks-notice").text())
			.isEqualTo("2 deliveries will be sent again, with the same event ids.");
		Receiver.Request again = failing.await(3).get(2);
		assertThat(again.header("webhook-id")).isEqualTo(toB.eventId());
		assertThat(healthy.await(3).get(2).header("webhook-id")).isEqualTo(refundTest.eventId());
		awaitDelivery(me.id(), toB.id(), DeliveryStatus.DELIVERED);
		assertThat(me.web().get(LOG + "/" + toB.id()).document().select("tr.attempt")).hasSize(3);

		// an outage: the producer disables A; what happens meanwhile fails; replay after
		// enabling it
		me.post(HOME, HOME + "/" + a + "/disable", Map.of());
		WebhookDelivery missed = this.webhooks.sendTest(me.id(), a, WebhookEvent.SUBSCRIPTION_CANCELLATION);
		assertThat(missed.status()).isEqualTo(DeliveryStatus.FAILED);
		String yesterday = LocalDate.now(ZoneId.of("America/New_York")).minusDays(1).toString();
		Page whileDisabled = me.post(LOG, LOG + "/replay", Map.of("endpoint", String.valueOf(a), "since", yesterday));
		assertThat(whileDisabled.status()).isEqualTo(422);
		assertProblem(whileDisabled, "This endpoint is disabled: enable it first, then replay.");
		Page everyActive = me.post(LOG, LOG + "/replay", Map.of("endpoint", "", "since", yesterday));
		assertThat(everyActive.status()).isEqualTo(302);
		Document skipped = me.web().get(everyActive.location()).document();
		assertThat(skipped.getElementById("webhooks-skipped").text()).contains(healthy.url());
		assertThat(skipped.getElementById("webhooks-notice").text()).startsWith("No failed delivery since");
		assertThat(healthy.requests()).hasSize(3);

		me.post(HOME, HOME + "/" + a + "/enable", Map.of());
		Page replayed = me.post(LOG, LOG + "/replay",
				Map.of("endpoint", String.valueOf(a), "since", yesterday, "time", "00:00"));
		assertThat(replayed.status()).isEqualTo(302);
		assertThat(me.web().get(replayed.location()).document().getElementById("webhooks-notice").text())
			.startsWith("1 failed delivery since")
			.contains("(America/New_York)");
		Receiver.Request caughtUp = healthy.await(4).get(3);
		assertThat(caughtUp.header("webhook-id")).isEqualTo(missed.eventId());
		assertThat(caughtUp.body()).contains("SUBSCRIPTION_CANCELLATION");
		awaitDelivery(me.id(), missed.id(), DeliveryStatus.DELIVERED);
	}

	@Test
	void aLongLogIsPagedNewestFirst() {
		PageProducer me = producer();
		Receiver receiver = receiver();
		long id = this.world.endpoint(me.id(), receiver.url()).endpoint().id();
		List<Long> sent = new ArrayList<>();
		for (int i = 0; i < 53; i++) {
			sent.add(this.webhooks.sendTest(me.id(), id, WebhookEvent.PURCHASE_APPROVED).id());
		}
		Document first = me.web().get(LOG).document();
		assertThat(first.select("tr.delivery")).hasSize(50);
		assertThat(first.selectFirst("tr.delivery").attr("data-delivery-id")).isEqualTo(String.valueOf(sent.get(52)));
		String older = first.selectFirst("a[rel=next]").attr("href");
		Document second = me.web().get(older).document();
		assertThat(second.select("tr.delivery")).extracting((e) -> Long.parseLong(e.attr("data-delivery-id")))
			.containsExactly(sent.get(2), sent.get(1), sent.get(0));
		assertThat(second.select("a[rel=next]")).isEmpty();
		assertThat(second.select(".pagination a").text()).isEqualTo("Newest deliveries");
	}

	@Test
	void thePagesSpeakEveryLanguage() {
		PageProducer me = producer();
		this.world.endpoint(me.id(), "https://8.8.8.8/hooks");
		// hottok heading, add button, log heading, an event, the card in "Manage my
		// business"
		Map<String, List<String>> expected = Map.of("pt-BR",
				List.of("Seu hottok", "Adicionar endpoint", "Histórico de envios", "Uma compra foi paga",
						"Configurações de webhooks"),
				"es",
				List.of("Tu hottok", "Añadir endpoint", "Registro de envíos", "Se pagó una compra",
						"Configuración de webhooks"),
				"it",
				List.of("Il tuo hottok", "Aggiungi endpoint", "Registro degli invii", "Un acquisto è stato pagato",
						"Impostazioni dei webhook"),
				"en",
				List.of("Your hottok", "Add endpoint", "Delivery log", "A purchase was paid", "Webhook settings"));
		expected.forEach((language, texts) -> {
			Page home = me.web().get(HOME + "?lang=" + language);
			assertThat(home.document().selectFirst("html").attr("lang")).isEqualTo(language);
			assertThat(home.text()).as(language).contains(texts.get(0), texts.get(1), texts.get(3));
			assertThat(me.web().get(LOG).text()).as(language).contains(texts.get(2));
			assertThat(me.web().get(HOME + "/new").text()).as(language).contains(texts.get(3));
			assertThat(me.web().get("/business").text()).as(language).contains(texts.get(4));
		});
	}

	private PageProducer producer() {
		return PageProducer.create(this.accounts, this.port, Role.PRODUCER);
	}

	private Receiver receiver() {
		Receiver receiver = new Receiver();
		this.receivers.add(receiver);
		return receiver;
	}

	private void awaitDelivery(long producer, long id, DeliveryStatus status) {
		Eventually.until("delivery " + id + " " + status,
				() -> this.webhooks.delivery(producer, id).status() == status);
	}

	private List<WebhookDelivery> deliveries(PageProducer me, String query) {
		return ids(me, query).stream().map((id) -> this.webhooks.delivery(me.id(), id)).toList();
	}

	private List<Long> ids(PageProducer me, String query) {
		Page page = me.web().get(LOG + query);
		assertThat(page.status()).isEqualTo(200);
		return page.document()
			.select("tr.delivery")
			.stream()
			.map((e) -> Long.parseLong(e.attr("data-delivery-id")))
			.toList();
	}

	private List<String> events(PageProducer me, String query) {
		return me.web()
			.get(LOG + query)
			.document()
			.select("tr.delivery")
			.stream()
			.map((e) -> e.attr("data-event"))
			.toList();
	}

	private static Element endpointCard(Page page, long id) {
		Element card = page.document().selectFirst("article.endpoint[data-endpoint-id=" + id + "]");
		assertThat(card).as("endpoint " + id + " on " + page).isNotNull();
		return card;
	}

	private static void assertProblem(Page page, String text) {
		Element problem = page.document().getElementById("webhooks-problem");
		assertThat(problem).as("a problem on " + page).isNotNull();
		assertThat(problem.attr("role")).isEqualTo("alert");
		assertThat(problem.text()).isEqualTo(text);
	}

}
