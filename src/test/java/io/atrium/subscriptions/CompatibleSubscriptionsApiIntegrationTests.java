package io.atrium.subscriptions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.ProducerTimeZones;
import io.atrium.api.ApiCredentials;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.Purchases;
import io.atrium.checkout.internal.SandboxGateway;
import io.atrium.support.Eventually;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.RawHttp;
import io.atrium.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Hotmart-compatible subscriptions API (hotmart-api.md §3) over real subscriptions
 * bought through checkout: the documented shapes field by field, the filters and their
 * 30-day defaults, keyset paging, the reads' refusals; cancel, reactivate and due-day
 * changes, one and in lists (with the v0.x client's form body), and the refusals of each
 * with nothing changed.
 */
@AtriumIntegrationTest
class CompatibleSubscriptionsApiIntegrationTests {

	static final String BASE = "/payments/api/v1/subscriptions";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Checkout checkout;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	Renewals renewals;

	@Autowired
	ApiCredentials credentials;

	@Autowired
	ProducerTimeZones zones;

	@Autowired
	TestClock clock;

	@Autowired
	Purchases purchases;

	@Autowired
	SandboxGateway sandbox;

	SubscriptionApiFixture api;

	@BeforeEach
	void producer() throws Exception {
		this.api = fixture();
	}

	SubscriptionApiFixture fixture() throws Exception {
		return new SubscriptionApiFixture(
				new SubscriptionApiFixture.Services(this.port, this.json, this.accounts, this.products, this.offers,
						this.checkout, this.subscriptions, this.renewals, this.credentials, this.clock));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	static Set<String> names(JsonNode node) {
		return new HashSet<>(node.propertyNames());
	}

	@Test
	void aListItemHasEveryDocumentedField() throws Exception {
		Subscription s = this.api.subscribe(this.api.monthly, "Maria Silva");
		Subscription limited = this.api.subscribe(this.api.limited, "Joao Lima");
		Purchase first = this.subscriptions.charges(s).get(0);

		JsonNode page = this.api.expect(200, "GET", BASE + "?subscriber_code=" + s.code().toLowerCase());
		assertThat(page.path("items")).hasSize(1);
		JsonNode item = page.path("items").get(0);
		assertThat(names(item)).containsExactlyInAnyOrder("subscriber_code", "subscription_id", "status",
				"accession_date", "request_date", "date_next_charge", "trial", "transaction", "plan", "product",
				"price", "subscriber");
		assertThat(item.path("subscriber_code").asString()).isEqualTo(s.code());
		assertThat(item.path("subscription_id").asLong()).isEqualTo(s.id());
		assertThat(item.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(item.path("accession_date").asLong()).isEqualTo(s.startedAt().toEpochMilli());
		assertThat(item.path("request_date").asLong()).isEqualTo(first.terms().createdAt().toEpochMilli());
		assertThat(item.path("date_next_charge").asLong()).isEqualTo(s.nextChargeAt().toEpochMilli());
		assertThat(item.path("trial").isBoolean()).isTrue();
		assertThat(item.path("trial").asBoolean()).isFalse();
		assertThat(item.path("transaction").asString()).isEqualTo(s.firstTransaction()).startsWith("HP");
		JsonNode plan = item.path("plan");
		assertThat(names(plan)).containsExactlyInAnyOrder("name", "id", "recurrency_period");
		assertThat(plan.path("name").asString()).isEqualTo("Monthly");
		assertThat(plan.path("id").asLong()).isEqualTo(this.api.monthly.id());
		assertThat(plan.path("recurrency_period").asInt()).isEqualTo(30);
		assertThat(item.path("product").path("id").asLong()).isEqualTo(this.api.product.id());
		assertThat(item.path("product").path("name").asString()).isEqualTo("Monthly club");
		assertThat(item.path("product").path("ucode").asString()).isEqualTo(this.api.product.ucode().toString());
		assertThat(item.path("price").path("value").isNumber()).isTrue();
		assertThat(item.path("price").path("value").decimalValue()).isEqualByComparingTo(new BigDecimal("49.90"));
		assertThat(item.path("price").path("currency_code").asString()).isEqualTo("BRL");
		assertThat(item.path("subscriber").path("name").asString()).isEqualTo("Maria Silva");
		assertThat(item.path("subscriber").path("email").asString()).isEqualTo(s.subscriber().email());
		assertThat(item.path("subscriber").path("ucode").asString()).matches("[0-9A-F-]{36}");
		JsonNode info = page.path("page_info");
		assertThat(names(info)).containsExactlyInAnyOrder("total_results", "results_per_page");
		assertThat(info.path("total_results").asLong()).isEqualTo(1);
		assertThat(info.path("results_per_page").asInt()).isEqualTo(1);

		JsonNode limitedItem = this.api.expect(200, "GET", BASE + "?subscriber_code=" + limited.code())
			.path("items")
			.get(0);
		assertThat(limitedItem.path("plan").path("max_charge_cycles").asInt()).isEqualTo(12);
		assertThat(limitedItem.path("price").path("value").decimalValue())
			.isEqualByComparingTo(new BigDecimal("29.90"));

		// cancelled: end_accession_date appears, date_next_charge is the last day of
		// access
		this.subscriptions.cancel(Requester.producer(this.api.producer), s.code(), false);
		Subscription cancelled = this.api.reload(s);
		JsonNode after = this.api.expect(200, "GET", BASE + "?subscriber_code=" + s.code()).path("items").get(0);
		assertThat(after.path("status").asString()).isEqualTo("CANCELLED_BY_SELLER");
		assertThat(after.path("end_accession_date").asLong()).isEqualTo(cancelled.cancelledAt().toEpochMilli());
		assertThat(after.path("date_next_charge").asLong()).isEqualTo(cancelled.accessUntil().toEpochMilli());
	}

	@Test
	void theListFiltersAsDocumentedWithItsThirtyDayDefault() throws Exception {
		// a subscription started 40 days ago, still in its 60-day trial
		this.clock.set(Instant.now().minus(Duration.ofDays(40)));
		Subscription old = this.api.subscribe(this.api.trial, "Old Trial");
		this.clock.reset();
		Subscription a = this.api.subscribe(this.api.monthly, "Ana Costa");
		Subscription b = this.api.subscribe(this.api.limited, "Bia Souza");
		Subscription c = this.api.subscribe(this.api.monthly, "Caio Reis");
		this.subscriptions.cancel(Requester.producer(this.api.producer), c.code(), false);
		c = this.api.reload(c);

		// a plain call: the subscriptions of the last 30 days
		assertThat(codes(BASE)).containsExactlyInAnyOrder(a.code(), b.code(), c.code());
		assertThat(codes(BASE + "?accession_date=" + Instant.now().minus(Duration.ofDays(50)).toEpochMilli()))
			.containsExactlyInAnyOrder(old.code(), a.code(), b.code(), c.code());
		// 10-digit values are seconds, as in Hotmart's examples
		assertThat(codes(BASE + "?accession_date=" + Instant.now().minus(Duration.ofDays(50)).getEpochSecond()))
			.contains(old.code());
		assertThat(codes(BASE + "?end_accession_date=" + Instant.now().minus(Duration.ofDays(35)).toEpochMilli()))
			.containsExactly(old.code());
		// naming the subscriber drops the default window
		assertThat(codes(BASE + "?subscriber_code=" + old.code())).containsExactly(old.code());
		assertThat(codes(BASE + "?subscriber_email=" + old.subscriber().email().toUpperCase()))
			.containsExactly(old.code());
		assertThat(codes(BASE + "?transaction=" + old.firstTransaction())).containsExactly(old.code());

		assertThat(codes(BASE + "?status=ACTIVE")).containsExactlyInAnyOrder(a.code(), b.code());
		assertThat(codes(BASE + "?status=CANCELLED_BY_SELLER&status=ACTIVE")).containsExactlyInAnyOrder(a.code(),
				b.code(), c.code());
		assertThat(codes(BASE + "?status=CANCELLED_BY_SELLER,ACTIVE")).containsExactlyInAnyOrder(a.code(), b.code(),
				c.code());
		assertThat(codes(BASE + "?status=cancelled_by_seller")).containsExactly(c.code());
		JsonNode refused = this.api.expectError(400, "invalid_parameter", "GET", BASE + "?status=CANCELLED_BY_BUYER",
				null, "");
		assertThat(refused.path("error_description").asString()).startsWith("The request was unacceptable");
		this.api.expectError(400, "invalid_parameter", "GET", BASE + "?status=ACTIVE,NOPE", null, "");

		assertThat(codes(BASE + "?plan=Monthly")).containsExactlyInAnyOrder(a.code(), c.code());
		assertThat(codes(BASE + "?plan=Monthly&plan=Twelve%20months")).containsExactlyInAnyOrder(a.code(), b.code(),
				c.code());
		assertThat(codes(BASE + "?plan_id=" + this.api.limited.id())).containsExactly(b.code());
		assertThat(codes(BASE + "?product_id=" + this.api.product.id())).hasSize(3);
		assertThat(codes(BASE + "?product_id=999999999")).isEmpty();
		assertThat(
				codes(BASE + "?trial=true&accession_date=" + Instant.now().minus(Duration.ofDays(50)).toEpochMilli()))
			.containsExactly(old.code());
		assertThat(codes(BASE + "?trial=false")).containsExactlyInAnyOrder(a.code(), b.code(), c.code());
		assertThat(codes(BASE + "?trial=maybe")).hasSize(3);

		// cancellations: one bound given
		long cancelledAt = c.cancelledAt().toEpochMilli();
		assertThat(codes(BASE + "?cancelation_date=" + (cancelledAt - 1000))).containsExactly(c.code());
		assertThat(codes(BASE + "?end_cancelation_date=" + cancelledAt)).containsExactly(c.code());
		assertThat(codes(BASE + "?end_cancelation_date=" + (cancelledAt - 1))).isEmpty();
		// next charges: from a date on, or from now to a date
		long aNext = a.nextChargeAt().toEpochMilli();
		assertThat(codes(BASE + "?date_next_charge=" + aNext + "&status=ACTIVE")).containsExactlyInAnyOrder(a.code(),
				b.code());
		// (the trial's first charge, in 20 days, comes before the others' next charge)
		assertThat(codes(BASE + "?end_date_next_charge=" + aNext)).containsExactlyInAnyOrder(old.code(), a.code(),
				b.code(), c.code());
		assertThat(codes(BASE + "?end_date_next_charge=" + (aNext - 1))).containsExactly(old.code());
	}

	@Test
	void pagesAreKeysetPagesStableWhileSubscriptionsArrive() throws Exception {
		List<String> made = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			made.add(0, this.api.subscribe(this.api.monthly, "Subscriber " + i).code());
		}
		JsonNode first = this.api.expect(200, "GET", BASE + "?max_results=2");
		assertThat(codes(first)).containsExactly(made.get(0), made.get(1));
		assertThat(first.path("page_info").has("prev_page_token")).isFalse();
		assertThat(first.path("page_info").path("total_results").asLong()).isEqualTo(5);
		assertThat(first.path("page_info").path("results_per_page").asInt()).isEqualTo(2);
		String next = first.path("page_info").path("next_page_token").asString();
		assertThat(next).matches("[A-Za-z0-9_-]+");

		// a subscription arrives between pages: it neither shifts nor repeats the next
		// page
		String newest = this.api.subscribe(this.api.monthly, "Newcomer").code();
		JsonNode second = this.api.expect(200, "GET", BASE + "?max_results=2&page_token=" + next);
		assertThat(codes(second)).containsExactly(made.get(2), made.get(3));
		assertThat(second.path("page_info").path("total_results").asLong()).isEqualTo(6);
		JsonNode third = this.api.expect(200, "GET",
				BASE + "?max_results=2&page_token=" + second.path("page_info").path("next_page_token").asString());
		assertThat(codes(third)).containsExactly(made.get(4));
		assertThat(third.path("page_info").has("next_page_token")).isFalse();

		// and back
		JsonNode back = this.api.expect(200, "GET",
				BASE + "?max_results=2&page_token=" + third.path("page_info").path("prev_page_token").asString());
		assertThat(codes(back)).containsExactly(made.get(2), made.get(3));
		JsonNode backAgain = this.api.expect(200, "GET",
				BASE + "?max_results=2&page_token=" + back.path("page_info").path("prev_page_token").asString());
		assertThat(codes(backAgain)).containsExactly(made.get(0), made.get(1));
		JsonNode top = this.api.expect(200, "GET",
				BASE + "?max_results=2&page_token=" + backAgain.path("page_info").path("prev_page_token").asString());
		assertThat(codes(top)).containsExactly(newest);
		assertThat(top.path("page_info").has("prev_page_token")).isFalse();
		assertThat(top.path("page_info").path("next_page_token").asString()).isNotBlank();

		// sizes: clamped, never an error
		assertThat(codes(BASE + "?max_results=0")).hasSize(1);
		assertThat(codes(BASE + "?max_results=100000")).hasSize(6);
		assertThat(codes(BASE)).hasSize(6);
		this.api.expectError(400, "invalid_token", "GET", BASE + "?page_token=garbage!", null, "");
		this.api.expectError(400, "invalid_token", "GET",
				BASE + "?page_token=" + KeysetCursor.after("transactions", 5).token(), null, "");
		this.api.expectError(400, "invalid_token", "GET", BASE + "?page_token=eyJyb3dzIjo1LCJwYWdlIjozfQ==", null, "");
	}

	@Test
	void theSummaryTellsLifetimeRecurrencesAndWhatIsUnpaid() throws Exception {
		Subscription s = this.api.subscribe(this.api.monthly, "Sara Alves", SubscriptionApiFixture.RENEWAL_DECLINES);
		Purchase first = this.subscriptions.charges(s).get(0);
		JsonNode page = this.api.expect(200, "GET", BASE + "/summary?subscriber_code=" + s.code());
		assertThat(names(page.path("page_info"))).containsExactly("results_per_page");
		JsonNode item = page.path("items").get(0);
		assertThat(names(item)).containsExactlyInAnyOrder("subscriber_code", "subscription_id", "status", "lifetime",
				"accession_date", "trial", "plan", "product", "offer", "last_recurrency", "subscriber",
				"date_next_charge");
		assertThat(item.path("lifetime").asInt()).isZero();
		assertThat(item.path("plan").path("name").asString()).isEqualTo("Monthly");
		assertThat(item.path("plan").path("recurrency_period").asInt()).isEqualTo(30);
		assertThat(item.path("product").path("id").asLong()).isEqualTo(this.api.product.id());
		assertThat(item.path("offer").path("code").asString()).isEqualTo(this.api.monthly.code());
		assertThat(item.path("subscriber").path("id").asLong()).isEqualTo(s.subscriber().accountId());
		assertThat(item.path("subscriber").path("email").asString()).isEqualTo(s.subscriber().email());
		JsonNode last = item.path("last_recurrency");
		assertThat(last.path("number").asInt()).isEqualTo(1);
		assertThat(last.path("status").asString()).isEqualTo("PAID");
		assertThat(last.path("billing_type").asString()).isEqualTo("SUBSCRIPTION");
		assertThat(last.path("request_date").asLong()).isEqualTo(first.terms().createdAt().toEpochMilli());
		assertThat(last.path("transaction_number").asLong())
			.isEqualTo(Long.parseLong(first.transaction().substring(2)));

		Subscription delayed = this.api.renewDue(s);
		assertThat(delayed.status()).isEqualTo(SubscriptionStatus.DELAYED);
		JsonNode late = this.api.expect(200, "GET", BASE + "/summary?subscriber_code=" + s.code()).path("items").get(0);
		assertThat(late.path("status").asString()).isEqualTo("DELAYED");
		assertThat(late.path("lifetime").asInt()).isGreaterThanOrEqualTo(28);
		assertThat(late.path("last_recurrency").path("number").asInt()).isEqualTo(2);
		assertThat(late.path("last_recurrency").path("status").asString()).isEqualTo("NOT_PAID");
		assertThat(late.path("unpaid_recurrencies")).hasSize(1);
		assertThat(late.path("unpaid_recurrencies").get(0).path("number").asInt()).isEqualTo(2);
		assertThat(late.path("unpaid_recurrencies").get(0).path("charge_date").asLong())
			.isEqualTo(s.nextChargeAt().toEpochMilli());

		this.subscriptions.cancel(Requester.producer(this.api.producer), s.code(), false);
		Subscription cancelled = this.api.reload(s);
		JsonNode ended = this.api.expect(200, "GET", BASE + "/summary?subscriber_code=" + s.code())
			.path("items")
			.get(0);
		assertThat(ended.path("end_accession_date").asLong()).isEqualTo(cancelled.cancelledAt().toEpochMilli());
		assertThat(ended.path("lifetime").asInt())
			.isEqualTo(ChronoUnit.DAYS.between(LocalDate.ofInstant(cancelled.startedAt(), cancelled.zone()),
					LocalDate.ofInstant(cancelled.cancelledAt(), cancelled.zone())));
		assertThat(ended.has("unpaid_recurrencies")).isFalse();
	}

	@Test
	void transactionsListEveryChargeWithItsRecurrency() throws Exception {
		Subscription s = this.api.subscribe(this.api.monthly, "Tiago Melo", SubscriptionApiFixture.RENEWAL_DECLINES);
		Subscription delayed = this.api.renewDue(s);
		assertThat(delayed.status()).isEqualTo(SubscriptionStatus.DELAYED);
		Subscription other = this.api.subscribe(this.api.limited, "Olga Dias");
		List<Purchase> charges = this.subscriptions.charges(s);
		assertThat(charges).hasSize(2);
		Purchase renewal = charges.get(1);

		String window = "&transaction_date=" + s.startedAt().minus(Duration.ofDays(1)).toEpochMilli();
		JsonNode page = this.api.expect(200, "GET", BASE + "/transactions?subscriber_code=" + s.code() + window);
		assertThat(page.path("page_info").has("total_results")).isFalse();
		assertThat(page.path("items")).hasSize(2);
		JsonNode newest = page.path("items").get(0);
		assertThat(newest.path("subscription_id").asLong()).isEqualTo(s.id());
		assertThat(newest.path("subscriber_code").asString()).isEqualTo(s.code());
		assertThat(newest.path("status").asString()).isEqualTo("DELAYED");
		assertThat(newest.path("billing_type").asString()).isEqualTo("SUBSCRIPTION");
		assertThat(newest.path("adoption_date").asLong()).isEqualTo(s.startedAt().toEpochMilli());
		assertThat(newest.path("max_cycles").asInt()).isZero();
		assertThat(newest.path("last_recurrency_number").asInt()).isEqualTo(1);
		assertThat(newest.path("has_unpaid_recurrency").asBoolean()).isTrue();
		assertThat(newest.path("is_paid_negotiation").asBoolean()).isFalse();
		assertThat(newest.path("product").path("id").asLong()).isEqualTo(this.api.product.id());
		assertThat(newest.path("producer").path("name").asString()).isEqualTo("Paula Producer");
		assertThat(newest.path("trial_info").path("trial").asBoolean()).isFalse();
		assertThat(newest.path("plan").path("offer").path("code").asString()).isEqualTo(this.api.monthly.code());
		assertThat(newest.path("subscriber").path("email").asString()).isEqualTo(s.subscriber().email());
		JsonNode recurrency = newest.path("recurrency");
		assertThat(recurrency.path("status").asString()).isEqualTo("NOT_PAID");
		assertThat(recurrency.path("number").asInt()).isEqualTo(2);
		assertThat(recurrency.path("number_list").asString()).isEqualTo("2");
		assertThat(recurrency.path("transaction_type").asString()).isEqualTo("AUTOMATIC");
		assertThat(recurrency.has("payment_delays_days")).isTrue();
		assertThat(recurrency.has("payment_delay_days")).isFalse();
		JsonNode purchase = newest.path("purchase");
		assertThat(purchase.path("transaction").asString()).isEqualTo(renewal.transaction());
		assertThat(purchase.path("status").asString()).isEqualTo("OVERDUE");
		assertThat(purchase.has("approved_date")).isFalse();
		assertThat(purchase.path("payment").path("payment_type").asString()).isEqualTo("CREDIT_CARD");
		assertThat(purchase.path("payment").path("refusal_message").asString()).isNotBlank();
		assertThat(purchase.path("price").path("value").decimalValue()).isEqualByComparingTo("49.90");
		assertThat(purchase.path("commission").path("producer_paid_value").decimalValue()).isEqualByComparingTo("0");
		JsonNode oldest = page.path("items").get(1);
		assertThat(oldest.path("recurrency").path("status").asString()).isEqualTo("PAID");
		assertThat(oldest.path("recurrency").path("number").asInt()).isEqualTo(1);
		assertThat(oldest.path("recurrency").path("payment_delays_days").asLong()).isZero();
		assertThat(oldest.path("purchase").path("approved_date").asLong()).isPositive();

		// filters
		assertThat(transactions("?subscription_status=DELAYED" + window)).containsExactly(renewal.transaction(),
				s.firstTransaction());
		assertThat(transactions("?recurrency_status=NOT_PAID" + window)).containsExactly(renewal.transaction());
		assertThat(transactions("?purchase_status=DELAYED" + window)).containsExactly(renewal.transaction());
		assertThat(transactions("?recurrency_status=PAID&subscriber_name=olga" + window))
			.containsExactly(other.firstTransaction());
		assertThat(transactions("?transaction=" + renewal.transaction())).containsExactly(renewal.transaction());
		assertThat(transactions("?purchase_payment_type=PIX" + window)).isEmpty();
		assertThat(transactions("?purchase_payment_type=CREDIT_CARD" + window)).hasSize(3);
		assertThat(transactions("?billing_type=SMART_INSTALLMENT" + window)).isEmpty();
		assertThat(transactions("?billing_type=SUBSCRIPTION&subscriber_email=" + other.subscriber().email() + window))
			.containsExactly(other.firstTransaction());
		assertThat(transactions(
				"?product_id=" + this.api.product.id() + "&offer_code=" + this.api.limited.code() + window))
			.containsExactly(other.firstTransaction());
		this.api.expectError(400, "invalid_parameter", "GET", BASE + "/transactions?billing_type=RENTAL", null, "");
		this.api.expectError(400, "invalid_parameter", "GET", BASE + "/transactions?recurrency_status=LATE", null, "");
		this.api.expectError(400, "invalid_parameter", "GET", BASE + "/transactions?purchase_payment_type=GOLD", null,
				"");
		// paging, newest first
		JsonNode one = this.api.expect(200, "GET", BASE + "/transactions?max_results=1" + window);
		assertThat(one.path("items")).hasSize(1);
		JsonNode two = this.api.expect(200, "GET", BASE + "/transactions?max_results=1" + window + "&page_token="
				+ one.path("page_info").path("next_page_token").asString());
		assertThat(two.path("items").get(0).path("purchase").path("transaction").asString())
			.isNotEqualTo(one.path("items").get(0).path("purchase").path("transaction").asString());
		assertThat(two.path("page_info").path("prev_page_token").asString()).isNotBlank();

		// the alias: every charge of one subscription, a bare array
		JsonNode alias = this.api.expect(200, "GET", BASE + "/" + s.code() + "/transactions");
		assertThat(alias.isArray()).isTrue();
		assertThat(alias).hasSize(2);
		assertThat(alias.get(0).path("purchase").path("transaction").asString()).isEqualTo(renewal.transaction());
		this.api.expectError(404, "not_found", "GET", BASE + "/NOSUCH00/transactions", null, "");
	}

	@Test
	void theThirtyDayDefaultOfTransactionsGivesWayToATransaction() throws Exception {
		this.clock.set(Instant.now().minus(Duration.ofDays(40)));
		Subscription old = this.api.subscribe(this.api.trial, "Old Trial");
		this.clock.reset();
		Subscription recent = this.api.subscribe(this.api.monthly, "New Buyer");
		assertThat(transactions("")).containsExactly(recent.firstTransaction());
		assertThat(transactions("?transaction=" + old.firstTransaction())).containsExactly(old.firstTransaction());
		assertThat(transactions("?transaction_date=" + Instant.now().minus(Duration.ofDays(50)).toEpochMilli()))
			.containsExactly(recent.firstTransaction(), old.firstTransaction());
	}

	@Test
	void aSubscribersPurchasesAreABareArray() throws Exception {
		Subscription s = this.api.subscribe(this.api.monthly, "Paulo Reis", SubscriptionApiFixture.RENEWAL_DECLINES);
		this.api.renewDue(s);
		this.clock.reset();
		List<Purchase> charges = this.subscriptions.charges(s);
		JsonNode purchases = this.api.expect(200, "GET", BASE + "/" + s.code() + "/purchases");
		assertThat(purchases.isArray()).isTrue();
		assertThat(purchases).hasSize(2);
		JsonNode first = purchases.get(0);
		assertThat(names(first)).containsExactlyInAnyOrder("transaction", "approved_date", "payment_engine", "status",
				"price", "payment_type", "payment_method", "recurrency_number", "under_warranty",
				"purchase_subscription");
		assertThat(first.path("transaction").asString()).isEqualTo(charges.get(0).transaction());
		assertThat(first.path("approved_date").asLong()).isEqualTo(charges.get(0).approvedAt().toEpochMilli());
		assertThat(first.path("status").asString()).isEqualTo("APPROVED");
		assertThat(first.path("price").path("value").decimalValue()).isEqualByComparingTo("49.90");
		assertThat(first.path("price").path("currency_code").asString()).isEqualTo("BRL");
		assertThat(first.path("payment_type").asString()).isEqualTo("CREDIT_CARD");
		assertThat(first.path("payment_method").asString()).startsWith("CREDIT_CARD_");
		assertThat(first.path("recurrency_number").asInt()).isEqualTo(1);
		assertThat(first.path("under_warranty").asBoolean()).isTrue();
		assertThat(first.path("purchase_subscription").asBoolean()).isTrue();
		JsonNode unpaid = purchases.get(1);
		assertThat(unpaid.has("approved_date")).isFalse();
		assertThat(unpaid.path("status").asString()).isEqualTo(PurchaseStatus.OVERDUE.name());
		assertThat(unpaid.path("recurrency_number").asInt()).isEqualTo(2);
		assertThat(unpaid.path("under_warranty").asBoolean()).isFalse();

		// a renewal paid on the stored card
		Subscription renewed = this.api.renewDue(this.api.subscribe(this.api.monthly, "Rui Renova"));
		assertThat(renewed.currentRecurrence()).isEqualTo(2);
		JsonNode both = this.api.expect(200, "GET", BASE + "/" + renewed.code() + "/purchases");
		assertThat(both).hasSize(2);
		assertThat(both.get(1).path("recurrency_number").asInt()).isEqualTo(2);
		assertThat(both.get(1).path("status").asString()).isEqualTo("APPROVED");
		assertThat(both.get(1).path("approved_date").asLong()).isPositive();
		JsonNode summary = this.api.expect(200, "GET", BASE + "/summary?subscriber_code=" + renewed.code())
			.path("items")
			.get(0);
		assertThat(summary.path("last_recurrency").path("number").asInt()).isEqualTo(2);
		assertThat(summary.path("last_recurrency").path("status").asString()).isEqualTo("PAID");
		this.clock.reset();

		this.api.expectError(404, "not_found", "GET", BASE + "/X53ZPFQZ/purchases", null, "");
		SubscriptionApiFixture other = fixture();
		other.expectError(404, "not_found", "GET", BASE + "/" + s.code() + "/purchases", null, "");
	}

	@Test
	void cancellingAnswersTheSubscriptionWithStringDatesAndRefusesACancelledOne() throws Exception {
		Subscription s = this.api.subscribe(this.api.monthly, "Carla Nunes");
		JsonNode answer = this.api.expect(200, "POST", BASE + "/" + s.code() + "/cancel", "application/json",
				"{\"send_mail\":false}");
		Subscription cancelled = this.api.reload(s);
		assertThat(cancelled.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_SELLER);
		ZoneId zone = this.zones.of(this.api.producer);
		DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
		Purchase first = this.subscriptions.charges(s).get(0);
		assertThat(names(answer)).containsExactlyInAnyOrder("status", "subscriber_code", "creation_date",
				"current_recurrence", "date_last_recurrence", "date_next_charge", "due_day", "trial_period",
				"interval_type_between_charges", "interval_between_charges", "max_charge_cycles", "activation_date",
				"shopper");
		assertThat(answer.path("status").asString()).isEqualTo("INACTIVE");
		assertThat(answer.path("subscriber_code").asString()).isEqualTo(s.code());
		assertThat(answer.path("creation_date").asString()).isEqualTo(format.format(first.terms().createdAt()));
		assertThat(answer.path("activation_date").asString()).isEqualTo(format.format(s.startedAt()));
		assertThat(answer.path("date_last_recurrence").asString()).isEqualTo(format.format(s.lastChargedAt()));
		assertThat(answer.path("date_next_charge").asString()).isEqualTo(format.format(s.nextChargeAt()));
		assertThat(answer.path("current_recurrence").asInt()).isEqualTo(1);
		assertThat(answer.path("due_day").asInt()).isEqualTo(s.dueDay());
		assertThat(answer.path("trial_period").asInt()).isZero();
		assertThat(answer.path("interval_type_between_charges").asString()).isEqualTo("MONTH");
		assertThat(answer.path("interval_between_charges").asInt()).isEqualTo(1);
		assertThat(answer.path("max_charge_cycles").asInt()).isZero();
		assertThat(answer.path("shopper").path("email").asString()).isEqualTo(s.subscriber().email());
		assertThat(answer.path("shopper").has("phone")).isTrue();

		// again: 400, and nothing changed
		int changes = this.subscriptions.history(cancelled).size();
		this.api.expectError(400, "SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE", "POST", BASE + "/" + s.code() + "/cancel",
				"application/json", "{\"send_mail\":true}");
		Subscription still = this.api.reload(s);
		assertThat(still.cancelledAt()).isEqualTo(cancelled.cancelledAt());
		assertThat(still.version()).isEqualTo(cancelled.version());
		assertThat(this.subscriptions.history(still)).hasSize(changes);

		// unknown, another producer's, no body at all
		this.api.expectError(404, "not_found", "POST", BASE + "/X53ZPFQZ/cancel", "application/json", "");
		SubscriptionApiFixture other = fixture();
		Subscription theirs = other.subscribe(other.monthly, "Their Subscriber");
		this.api.expectError(404, "not_found", "POST", BASE + "/" + theirs.code() + "/cancel", null, "");
		assertThat(other.reload(theirs).status()).isEqualTo(SubscriptionStatus.ACTIVE);
		JsonNode weekly = this.api.expect(200, "POST",
				BASE + "/" + this.api.subscribe(this.api.weekly, "Week Ly").code() + "/cancel", null, "");
		assertThat(weekly.path("interval_type_between_charges").asString()).isEqualTo("WEEK");
		assertThat(weekly.path("interval_between_charges").asInt()).isEqualTo(1);
		assertThat(weekly.path("due_day").asInt()).isBetween(1, 7);
	}

	@Test
	void aListOfCancellationsAcceptsTheOldClientsFormBodyAndSaysWhyEachFailure() throws Exception {
		Subscription active = this.api.subscribe(this.api.monthly, "Ativo Um");
		Subscription gone = this.api.subscribe(this.api.monthly, "Ja Cancelado");
		this.subscriptions.cancel(Requester.producer(this.api.producer), gone.code(), false);
		SubscriptionApiFixture other = fixture();
		Subscription theirs = other.subscribe(other.monthly, "De Outro");
		// requests data= with a JSON content type, as the v0.x client sends it
		String form = "subscriber_code=" + active.code() + "&subscriber_code=" + gone.code()
				+ "&subscriber_code=X53ZPFQZ&subscriber_code=" + theirs.code() + "&send_email=False";
		JsonNode answer = this.api.expect(200, "POST", BASE + "/cancel", "application/json", form);
		assertThat(answer.path("success_subscriptions")).hasSize(1);
		assertThat(answer.path("success_subscriptions").get(0).path("subscriber_code").asString())
			.isEqualTo(active.code());
		assertThat(answer.path("success_subscriptions").get(0).path("status").asString()).isEqualTo("INACTIVE");
		assertThat(answer.path("success_subscriptions").get(0).has("error")).isFalse();
		JsonNode fails = answer.path("fail_subscriptions");
		assertThat(fails).hasSize(3);
		assertThat(fails.get(0).path("subscriber_code").asString()).isEqualTo(gone.code());
		assertThat(fails.get(0).path("error").asString()).isEqualTo("SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE");
		assertThat(fails.get(0).path("creation_date").asString()).isNotBlank();
		assertThat(fails.get(1).path("error").asString()).isEqualTo("SUBSCRIPTION_NOT_FOUND");
		assertThat(fails.get(2).path("subscriber_code").asString()).isEqualTo(theirs.code());
		assertThat(fails.get(2).path("error").asString()).isEqualTo("SUBSCRIPTION_NOT_FOUND");
		assertThat(fails.get(2).has("creation_date")).isFalse();
		assertThat(this.api.reload(active).status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_SELLER);
		assertThat(other.reload(theirs).status()).isEqualTo(SubscriptionStatus.ACTIVE);

		// the documented JSON body
		Subscription json = this.api.subscribe(this.api.monthly, "Json Body");
		JsonNode documented = this.api.expect(200, "POST", BASE + "/cancel", "application/json",
				"{\"subscriber_code\":[\"" + json.code() + "\"],\"send_mail\":true}");
		assertThat(documented.path("success_subscriptions")).hasSize(1);
		assertThat(documented.path("fail_subscriptions")).isEmpty();

		// refusals with nothing changed
		Subscription untouched = this.api.subscribe(this.api.monthly, "Intocado");
		StringBuilder many = new StringBuilder("{\"subscriber_code\":[\"" + untouched.code() + "\"");
		for (int i = 0; i < 500; i++) {
			many.append(",\"C").append(i).append("\"");
		}
		this.api.expectError(400, "invalid_parameter", "POST", BASE + "/cancel", "application/json",
				many.append("]}").toString());
		this.api.expectError(400, "invalid_parameter", "POST", BASE + "/cancel", "application/json",
				"[\"" + untouched.code() + "\"]");
		this.api.expectError(400, "invalid_parameter", "POST", BASE + "/cancel", "application/json", "{}");
		this.api.expectError(400, "invalid_parameter", "POST", BASE + "/cancel", "application/json",
				"{\"subscriber_code\":[\"" + untouched.code() + "\"],\"send_mail\":\"perhaps\"}");
		this.api.expectError(400, "invalid_parameter", "POST", BASE + "/cancel", "application/json",
				"{\"subscriber_code\":[{\"code\":\"" + untouched.code() + "\"}]}");
		this.api.expectError(400, "invalid_parameter", "POST", BASE + "/cancel", "application/json", "{\"subscr");
		assertThat(this.api.reload(untouched).status()).isEqualTo(SubscriptionStatus.ACTIVE);
	}

	@Test
	void reactivationIsOfferedToCancelledSubscriptionsOnly() throws Exception {
		Subscription s = this.api.subscribe(this.api.monthly, "Rita Rocha");
		Subscription active = this.api.subscribe(this.api.monthly, "Still Active");
		this.subscriptions.cancel(Requester.producer(this.api.producer), s.code(), false);

		JsonNode answer = this.api.expect(200, "POST", BASE + "/" + s.code() + "/reactivate", "application/json",
				"{\"charge\":false}");
		assertThat(answer.path("status").asString()).isEqualTo("INACTIVE");
		assertThat(answer.path("subscriber_code").asString()).isEqualTo(s.code());
		assertThat(answer.path("creation_date").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		assertThat(answer.path("interval_between_charges").asInt()).isEqualTo(1);
		assertThat(answer.path("shopper").path("email").asString()).isEqualTo(s.subscriber().email());
		Subscription offered = this.api.reload(s);
		assertThat(offered.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_SELLER);
		assertThat(offered.reactivationOfferedAt()).isNotNull();
		assertThat(offered.reactivationCharge()).isFalse();

		long version = this.api.reload(active).version();
		this.api.expectError(400, "SUBSCRIPTION_ALREADY_ACTIVE", "POST", BASE + "/" + active.code() + "/reactivate",
				null, "");
		assertThat(this.api.reload(active).version()).isEqualTo(version);

		// a list, in the v0.x client's form body
		JsonNode list = this.api.expect(200, "POST", BASE + "/reactivate", "application/json",
				"subscriber_code=" + s.code() + "&subscriber_code=" + active.code() + "&charge=True");
		assertThat(list.path("success_subscriptions")).hasSize(1);
		assertThat(list.path("success_subscriptions").get(0).path("subscriber_code").asString()).isEqualTo(s.code());
		assertThat(list.path("fail_subscriptions")).hasSize(1);
		assertThat(list.path("fail_subscriptions").get(0).path("error").asString())
			.isEqualTo("SUBSCRIPTION_ALREADY_ACTIVE");
		assertThat(this.api.reload(s).reactivationCharge()).isTrue();
	}

	@Test
	void theDueDayChangesForActiveSubscriptionsOutsideTheirTrial() throws Exception {
		Subscription s = this.api.subscribe(this.api.monthly, "Dora Dias");
		int day = (s.dueDay() == 10) ? 11 : 10;
		int another = (s.dueDay() == 12) ? 13 : 12;
		RawHttp.Response ok = this.api.call("PATCH", BASE + "/" + s.code(), "application/json",
				"{\"due_day\":" + day + "}");
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.body()).isEmpty();
		assertThat(this.api.reload(s).pendingDueDay()).isEqualTo(day);

		for (String bad : List.of("{\"due_day\":0}", "{\"due_day\":32}", "{}", "{\"due_day\":\"abc\"}",
				"{\"due_day\":1.5}", "[10]")) {
			this.api.expectError(400, "invalid_parameter", "PATCH", BASE + "/" + s.code(), "application/json", bad);
		}
		assertThat(this.api.reload(s).pendingDueDay()).isEqualTo(day);

		Subscription trial = this.api.subscribe(this.api.trial, "Tina Trial");
		this.api.expectError(400, "subscription_in_trial_period", "PATCH", BASE + "/" + trial.code(),
				"application/json", "{\"due_day\":5}");
		assertThat(this.api.reload(trial).pendingDueDay()).isNull();
		assertThat(this.api.reload(trial).dueDay()).isEqualTo(trial.dueDay());

		Subscription cancelled = this.api.subscribe(this.api.monthly, "Cid Cancelado");
		this.subscriptions.cancel(Requester.producer(this.api.producer), cancelled.code(), false);
		this.api.expectError(400, "SUBSCRIPTION_NOT_ACTIVE", "PATCH", BASE + "/" + cancelled.code(), "application/json",
				"{\"due_day\":5}");
		this.api.expectError(404, "not_found", "PATCH", BASE + "/X53ZPFQZ", "application/json", "{\"due_day\":5}");

		Subscription weekly = this.api.subscribe(this.api.weekly, "Wes Weekly");
		this.api.expectError(400, "invalid_parameter", "PATCH", BASE + "/" + weekly.code(), "application/json",
				"{\"due_day\":9}");

		// the v0.x client's path and form body
		RawHttp.Response alias = this.api.call("PATCH", BASE + "/change-due-day", "application/json",
				"subscriber_code=" + s.code() + "&new_due_day=" + another);
		assertThat(alias.status()).as(alias.body()).isEqualTo(200);
		assertThat(this.api.reload(s).pendingDueDay()).isEqualTo(another);
		RawHttp.Response form = this.api.call("PATCH", BASE + "/change-due-day", "application/x-www-form-urlencoded",
				"subscriber_code=" + s.code() + "&new_due_day=" + day);
		assertThat(form.status()).as(form.body()).isEqualTo(200);
		assertThat(this.api.reload(s).pendingDueDay()).isEqualTo(day);
	}

	@Test
	void cardRetriesWaitWhileANegotiationOfTheRecurrenceCanStillBePaid() throws Exception {
		Subscription s = this.api.subscribe(this.api.monthly, "Rita Retry", SubscriptionApiFixture.RENEWAL_DECLINES);
		Subscription delayed = this.api.renewDue(s);
		assertThat(delayed.status()).isEqualTo(SubscriptionStatus.DELAYED);
		assertThat(delayed.failedAttempts()).isEqualTo(1);
		this.api.expect(200, "POST", "/payments/api/v1/installments/negotiate", "application/json",
				"{\"subscription_id\":" + s.id() + ",\"recurrences\":[2],\"payment_type\":\"PIX\"}");
		// the retry falls due while the PIX can still be paid: the card is not charged
		// again
		this.clock.set(delayed.nextAttemptAt().plus(Duration.ofMinutes(1)));
		this.renewals.runDue();
		assertThat(this.api.reload(s).failedAttempts()).isEqualTo(1);
		assertThat(this.api.reload(s).status()).isEqualTo(SubscriptionStatus.DELAYED);
		// once the negotiation can no longer be paid, the retries go on
		this.clock.set(delayed.nextAttemptAt().plus(Duration.ofDays(3)).plus(Duration.ofMinutes(10)));
		Eventually.until("the card is retried", () -> {
			this.renewals.runDue();
			return this.api.reload(s).failedAttempts() > 1 || this.api.reload(s).status() != SubscriptionStatus.DELAYED;
		});
	}

	@Test
	void aNegotiationChargesTheOldestUnpaidRecurrencesOnceAndPayingItReactivates() throws Exception {
		Subscription s = this.api.subscribe(this.api.monthly, "Nina Negocia", SubscriptionApiFixture.RENEWAL_DECLINES);
		Subscription overdue = this.api.twoUnpaid(s);
		assertThat(overdue.currentRecurrence()).isEqualTo(1);
		String path = "/payments/api/v1/installments/negotiate";
		String id = "\"subscription_id\":" + s.id();
		for (String bad : List.of("{" + id + ",\"recurrences\":[3],\"payment_type\":\"PIX\"}",
				"{" + id + ",\"recurrences\":[1],\"payment_type\":\"PIX\"}",
				"{" + id + ",\"recurrences\":[2,3,4,5,6,7],\"payment_type\":\"PIX\"}",
				"{" + id + ",\"recurrences\":[],\"payment_type\":\"PIX\"}",
				"{" + id + ",\"recurrences\":[2],\"payment_type\":\"CREDIT_CARD\"}",
				"{" + id + ",\"recurrences\":[2],\"payment_type\":\"BOLETO\"}", "{" + id
						+ ",\"recurrences\":[2],\"payment_type\":\"PIX\",\"discount\":{\"type\":\"CUSTOM\",\"value\":49.90}}",
				"{" + id + ",\"recurrences\":[2],\"payment_type\":\"PIX\",\"discount\":{\"type\":\"CUSTOM\",\"value\":0.001}}",
				"{" + id + ",\"recurrences\":[2],\"payment_type\":\"PIX\",\"discount\":{\"type\":\"PERCENT\",\"value\":5}}",
				"{\"recurrences\":[2],\"payment_type\":\"PIX\"}", "[1,2]", "{" + id + ",\"recurrences\":\"x\"}")) {
			this.api.expectError(400, "invalid_parameter", "POST", path, "application/json", bad);
		}
		this.api.expectError(404, "not_found", "POST", path, "application/json",
				"{\"subscription_id\":999999999,\"recurrences\":[2],\"payment_type\":\"PIX\"}");
		SubscriptionApiFixture other = fixture();
		other.expectError(404, "not_found", "POST", path, "application/json",
				"{" + id + ",\"recurrences\":[2],\"payment_type\":\"PIX\"}");
		assertThat(this.subscriptions.charges(s)).hasSameSizeAs(this.subscriptions.charges(overdue));

		String pixRequest = "{" + id
				+ ",\"recurrences\":[3,2],\"payment_type\":\"PIX\",\"discount\":{\"type\":\"CUSTOM\",\"value\":10}}";
		JsonNode pix = this.api.expect(200, "POST", path, "application/json", pixRequest);
		assertThat(pix.path("subscription_id").asLong()).isEqualTo(s.id());
		String transaction = pix.path("transaction").asString();
		assertThat(transaction).startsWith("HP");
		JsonNode payment = pix.path("payment");
		assertThat(names(payment)).containsExactlyInAnyOrder("type", "expiration_date", "pix_code", "pix_qrcode");
		assertThat(payment.path("type").asString()).isEqualTo("PIX");
		assertThat(payment.path("expiration_date").asLong()).isGreaterThan(this.clock.instant().toEpochMilli());
		assertThat(payment.path("pix_code").asString()).isNotBlank();
		assertThat(payment.path("pix_qrcode").asString()).startsWith("http").contains("/sandbox/payments/");
		Purchase charge = this.purchases.byTransaction(transaction).orElseThrow();
		assertThat(charge.status()).isEqualTo(PurchaseStatus.WAITING_PAYMENT);
		assertThat(charge.terms().price().amountMinor()).isEqualTo(2 * 4990 - 1000);
		assertThat(charge.subscriptionId()).isEqualTo(s.id());
		// the same request while it is payable answers the same charge
		assertThat(this.api.expect(200, "POST", path, "application/json", pixRequest).path("transaction").asString())
			.isEqualTo(transaction);

		JsonNode billet = this.api.expect(200, "POST", path, "application/json",
				"{" + id + ",\"recurrences\":[2],\"payment_type\":\"BOLETO\",\"document\":\"123.456.789-09\"}");
		assertThat(names(billet.path("payment"))).containsExactlyInAnyOrder("type", "expiration_date", "billet_url",
				"billet_barcode");
		assertThat(billet.path("payment").path("type").asString()).isEqualTo("BILLET");
		assertThat(billet.path("payment").path("billet_barcode").asString()).matches("\\d{47}");
		assertThat(this.purchases.byTransaction(billet.path("transaction").asString()).orElseThrow().status())
			.isEqualTo(PurchaseStatus.PRINTED_BILLET);
		assertThat(this.api.reload(s).status()).isEqualTo(SubscriptionStatus.OVERDUE);

		// the subscriber pays the PIX on the sandbox's page: checkout reconciles it
		String chargeId = charge.payment().chargeId();
		assertThat(this.sandbox.markPaid(chargeId)).contains(transaction);
		this.checkout.reconcile(transaction);
		Eventually.until("the negotiation is recorded", () -> this.api.reload(s).status() == SubscriptionStatus.ACTIVE);
		Subscription active = this.api.reload(s);
		assertThat(active.currentRecurrence()).isEqualTo(3);
		assertThat(active.unpaidCount()).isZero();
		JsonNode negotiated = this.api.expect(200, "GET", BASE + "/" + s.code() + "/transactions");
		JsonNode item = null;
		for (JsonNode t : negotiated) {
			if (t.path("purchase").path("transaction").asString().equals(transaction)) {
				item = t;
			}
		}
		assertThat(item).isNotNull();
		assertThat(item.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(item.path("is_paid_negotiation").asBoolean()).isTrue();
		assertThat(item.path("recurrency").path("transaction_type").asString()).isEqualTo("NEGOTIATION");
		assertThat(item.path("recurrency").path("number_list").asString()).isEqualTo("2, 3");
		assertThat(item.path("recurrency").path("status").asString()).isEqualTo("PAID");
		assertThat(item.path("purchase").path("payment").path("payment_type").asString()).isEqualTo("PIX");
		// paying again changes nothing
		this.checkout.reconcile(transaction);
		assertThat(this.api.reload(s).currentRecurrence()).isEqualTo(3);
	}

	@Test
	void badInputIsAClearJsonError() throws Exception {
		for (String query : List.of("?accession_date=abc", "?accession_date=-5", "?accession_date=99999999999999999",
				"?product_id=abc", "?end_cancelation_date=1", "?max_results=x")) {
			RawHttp.Response response = this.api.call("GET", BASE + query);
			assertThat(response.status()).as(query + " " + response.body()).isEqualTo(400);
			assertThat(this.json.readTree(response.body()).path("error").asString()).startsWith("invalid_");
		}
		this.api.expectError(400, "invalid_token", "GET", BASE + "/summary?page_token=%22%22", null, "");
		this.api.expectError(400, "invalid_token", "GET", BASE + "/transactions?page_token=abc", null, "");
		RawHttp.Response anonymous = this.api.send(null, "GET", BASE, null, "");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(this.json.readTree(anonymous.body()).path("error").asString()).isEqualTo("unauthorized");
		assertThat(this.api.call("GET", BASE).headers()).containsKey("ratelimit-remaining");
	}

	@Test
	void noHostileBodyOnAChangeEndpointGetsA5xx() throws Exception {
		List<String[]> targets = List.of(new String[] { "POST", BASE + "/X53ZPFQZ/cancel" },
				new String[] { "POST", BASE + "/cancel" }, new String[] { "POST", BASE + "/X53ZPFQZ/reactivate" },
				new String[] { "POST", BASE + "/reactivate" }, new String[] { "PATCH", BASE + "/X53ZPFQZ" },
				new String[] { "PATCH", BASE + "/change-due-day" },
				new String[] { "POST", "/payments/api/v1/installments/negotiate" });
		List<String> bodies = List.of("", "null", "5", "true", "\"x\"", "[]", "{}", "{\"subscriber_code\":null}",
				"{\"subscriber_code\":[null]}", "{\"subscriber_code\":\"X53ZPFQZ\",\"send_mail\":null}",
				"{\"subscriber_code\":[\"a\\u0001b\"]}", "subscriber_code=%ZZ", "subscriber_code=a%01b", "=&=&&",
				"{\"due_day\":99999999999999999999}", "{\"subscription_id\":-1,\"recurrences\":[1e400]}",
				"{\"subscription_id\":1,\"recurrences\":[1],\"payment_type\":\"PIX\",\"discount\":{\"value\":1e400}}",
				"\u2603=\u2603", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}");
		for (String[] target : targets) {
			for (String body : bodies) {
				for (String type : new String[] { "application/json", "application/x-www-form-urlencoded", "text/plain",
						null }) {
					RawHttp.Response response = this.api.call(target[0], target[1], type, body);
					String what = target[0] + " " + target[1] + " " + type + " " + body + " -> " + response.status()
							+ " " + response.body();
					assertThat(response.status()).as(what).isLessThan(500);
					if (response.status() >= 400) {
						assertThat(this.json.readTree(response.body()).path("error").asString()).as(what).isNotBlank();
					}
				}
			}
		}
	}

	List<String> codes(String pathAndQuery) throws Exception {
		return codes(this.api.expect(200, "GET", pathAndQuery));
	}

	static List<String> codes(JsonNode page) {
		List<String> codes = new ArrayList<>();
		page.path("items").forEach((item) -> codes.add(item.path("subscriber_code").asString()));
		return codes;
	}

	List<String> transactions(String query) throws Exception {
		List<String> codes = new ArrayList<>();
		this.api.expect(200, "GET", BASE + "/transactions" + query)
			.path("items")
			.forEach((item) -> codes.add(item.path("purchase").path("transaction").asString()));
		return codes;
	}

}
