package io.atrium.checkout;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.atrium.checkout.internal.SandboxCards;
import io.atrium.checkout.internal.SandboxGateway;
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestClock;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox gateway's card vault on a real database: storing a card with a charge (or a
 * zero-amount verification), charging it later by token as renewals do, the renewal test
 * cards, expiry by the clock, the test dashboard (method and page) and one charge per
 * idempotency key.
 */
@AtriumIntegrationTest
class SandboxVaultIntegrationTests {

	static final Money PRICE = Money.of(4990, "BRL");

	@LocalServerPort
	int port;

	@Autowired
	SandboxGateway gateway;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void eachRenewalCardIsApprovedAndStoredThenEveryLaterChargeIsDeclinedForItsReason() {
		Map<String, DeclineReason> renewals = new LinkedHashMap<>();
		renewals.put(SandboxCards.RENEWAL_INSUFFICIENT_FUNDS, DeclineReason.INSUFFICIENT_FUNDS);
		renewals.put(SandboxCards.RENEWAL_PROCESSING_ERROR, DeclineReason.PROCESSING_ERROR);
		renewals.put(SandboxCards.RENEWAL_DECLINED, DeclineReason.DECLINED);
		renewals.put(SandboxCards.RENEWAL_STOLEN_CARD, DeclineReason.STOLEN_CARD);
		renewals.put(SandboxCards.RENEWAL_CLOSED_ACCOUNT, DeclineReason.CLOSED_ACCOUNT);
		renewals.forEach((number, reason) -> {
			Charge first = this.gateway.charge(store(key(), PRICE, card(number, 12, 2099)));
			assertThat(first.status()).as(number).isEqualTo(ChargeStatus.APPROVED);
			assertThat(first.declineReason()).isNull();
			assertThat(first.paymentToken()).matches("pm_[0-9a-f]{24}");
			assertThat(first.cardLast4()).isEqualTo(number.substring(12));

			for (int renewal = 0; renewal < 2; renewal++) {
				Charge later = this.gateway.charge(byToken(key(), first.paymentToken()));
				assertThat(later.status()).as(number).isEqualTo(ChargeStatus.DECLINED);
				assertThat(later.declineReason()).as(number).isEqualTo(reason);
				assertThat(later.paymentToken()).isEqualTo(first.paymentToken());
				assertThat(later.cardBrand()).isEqualTo("VISA");
				assertThat(later.cardLast4()).isEqualTo(number.substring(12));
			}
			// typed again without storing, a renewal card is an approved card
			assertThat(this.gateway.charge(once(key(), card(number, 12, 2099))).status())
				.isEqualTo(ChargeStatus.APPROVED);
		});
	}

	@Test
	void anApprovedStoredCardIsChargedLaterAndTheVaultKeepsNoNumberNorCode() {
		Charge first = this.gateway.charge(store(key(), PRICE, card(SandboxCards.APPROVED, 12, 2099)));
		assertThat(first.status()).isEqualTo(ChargeStatus.APPROVED);
		String token = first.paymentToken();
		assertThat(this.gateway.find(first.idempotencyKey()).orElseThrow().paymentToken()).isEqualTo(token);

		Charge later = this.gateway.charge(byToken(key(), token));
		assertThat(later.status()).isEqualTo(ChargeStatus.APPROVED);
		assertThat(later.paymentToken()).isEqualTo(token);
		assertThat(later.chargeId()).isNotEqualTo(first.chargeId());

		Map<String, Object> row = this.jdbc.sql("SELECT * FROM sandbox_payment_methods WHERE token = ?")
			.param(token)
			.query()
			.singleRow();
		assertThat(row.values().stream().map(String::valueOf))
			.noneMatch((v) -> v.contains(SandboxCards.APPROVED) || v.equals("123"));
		assertThat(row.keySet().stream().map((k) -> k.toLowerCase(java.util.Locale.ROOT))).containsExactlyInAnyOrder(
				"token", "card_brand", "card_last4", "exp_month", "exp_year", "declines_with", "created_at",
				"updated_at");

		// a one-off charge stores nothing and answers no token
		assertThat(this.gateway.charge(once(key(), card(SandboxCards.APPROVED, 12, 2099))).paymentToken()).isNull();
	}

	@Test
	void aStoredCardIsDeclinedAsExpiredOnceTheClockPassesItsExpiryMonth() {
		YearMonth expiry = YearMonth.from(this.clock.instant().atZone(ZoneOffset.UTC)).plusMonths(1);
		String token = this.gateway
			.charge(store(key(), PRICE, card(SandboxCards.APPROVED, expiry.getMonthValue(), expiry.getYear())))
			.paymentToken();
		assertThat(this.gateway.charge(byToken(key(), token)).status()).isEqualTo(ChargeStatus.APPROVED);

		Instant lastDay = expiry.atEndOfMonth().atTime(12, 0).toInstant(ZoneOffset.UTC);
		this.clock.advance(Duration.between(this.clock.instant(), lastDay));
		assertThat(this.gateway.charge(byToken(key(), token)).status()).isEqualTo(ChargeStatus.APPROVED);

		this.clock.advance(Duration.ofDays(1));
		Charge expired = this.gateway.charge(byToken(key(), token));
		assertThat(expired.status()).isEqualTo(ChargeStatus.DECLINED);
		assertThat(expired.declineReason()).isEqualTo(DeclineReason.EXPIRED_CARD);
		assertThat(expired.declineReason().retriable()).isFalse();

		// no dashboard setting brings an expired card back
		assertThat(this.gateway.setBehaviour(token, null)).isTrue();
		assertThat(this.gateway.charge(byToken(key(), token)).declineReason()).isEqualTo(DeclineReason.EXPIRED_CARD);
	}

	@Test
	void theDashboardChangesHowLaterChargesOfAStoredCardAreAnswered() {
		String token = this.gateway.charge(store(key(), PRICE, card(SandboxCards.APPROVED, 12, 2099))).paymentToken();

		assertThat(this.gateway.setBehaviour(token, DeclineReason.INSUFFICIENT_FUNDS)).isTrue();
		Charge declined = this.gateway.charge(byToken(key(), token));
		assertThat(declined.declineReason()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
		assertThat(declined.declineReason().retriable()).isTrue();
		assertThat(this.gateway.paymentMethod(token).orElseThrow().declinesWith())
			.isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);

		assertThat(this.gateway.setBehaviour(token, null)).isTrue();
		assertThat(this.gateway.charge(byToken(key(), token)).status()).isEqualTo(ChargeStatus.APPROVED);

		String renewal = this.gateway.charge(store(key(), PRICE, card(SandboxCards.RENEWAL_CLOSED_ACCOUNT, 12, 2099)))
			.paymentToken();
		assertThat(this.gateway.charge(byToken(key(), renewal)).declineReason())
			.isEqualTo(DeclineReason.CLOSED_ACCOUNT);
		this.gateway.setBehaviour(renewal, null);
		assertThat(this.gateway.charge(byToken(key(), renewal)).status()).isEqualTo(ChargeStatus.APPROVED);

		assertThat(this.gateway.setBehaviour("pm_" + "0".repeat(24), DeclineReason.DECLINED)).isFalse();
	}

	@Test
	void anUnknownTokenIsAnInvalidCard() {
		Charge charge = this.gateway.charge(byToken(key(), "pm_" + "f".repeat(24)));
		assertThat(charge.status()).isEqualTo(ChargeStatus.DECLINED);
		assertThat(charge.declineReason()).isEqualTo(DeclineReason.INVALID_CARD);
		assertThat(charge.paymentToken()).isNull();
		assertThat(this.gateway.charge(byToken(key(), "not a token at all, and far too long for any column of ours"))
			.declineReason()).isEqualTo(DeclineReason.INVALID_CARD);
	}

	@Test
	void aZeroAmountOnlyVerifiesAndStoresAGoodCardAndStoresNoRefusedOne() {
		Money zero = Money.of(0, "BRL");
		Charge verified = this.gateway.charge(store(key(), zero, card(SandboxCards.APPROVED, 12, 2099)));
		assertThat(verified.status()).isEqualTo(ChargeStatus.APPROVED);
		assertThat(verified.paymentToken()).startsWith("pm_");
		assertThat(this.jdbc.sql("SELECT amount_minor FROM sandbox_charges WHERE idempotency_key = ?")
			.param(verified.idempotencyKey())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.gateway.charge(byToken(key(), verified.paymentToken())).status())
			.isEqualTo(ChargeStatus.APPROVED);

		String trial = this.gateway.charge(store(key(), zero, card(SandboxCards.RENEWAL_STOLEN_CARD, 12, 2099)))
			.paymentToken();
		assertThat(this.gateway.charge(byToken(key(), trial)).declineReason()).isEqualTo(DeclineReason.STOLEN_CARD);

		long stored = storedMethods();
		Charge refused = this.gateway.charge(store(key(), zero, card(SandboxCards.DECLINED, 12, 2099)));
		assertThat(refused.status()).isEqualTo(ChargeStatus.DECLINED);
		assertThat(refused.declineReason()).isEqualTo(DeclineReason.DECLINED);
		assertThat(refused.paymentToken()).isNull();
		assertThat(this.gateway.charge(store(key(), zero, card(SandboxCards.APPROVED, 1, 2020))).declineReason())
			.isEqualTo(DeclineReason.EXPIRED_CARD);
		assertThat(this.gateway.charge(store(key(), PRICE, card(SandboxCards.STOLEN_CARD, 12, 2099))).declineReason())
			.isEqualTo(DeclineReason.STOLEN_CARD);
		assertThat(
				this.gateway.charge(store(key(), PRICE, card(SandboxCards.CLOSED_ACCOUNT, 12, 2099))).declineReason())
			.isEqualTo(DeclineReason.CLOSED_ACCOUNT);
		assertThat(storedMethods()).isEqualTo(stored);
	}

	@Test
	void oneChargePerKeyWhateverTheSecondCallAsks() {
		long stored = storedMethods();
		String key = key();
		Charge first = this.gateway.charge(store(key, PRICE, card(SandboxCards.APPROVED, 12, 2099)));
		Charge again = this.gateway.charge(store(key, PRICE, card(SandboxCards.APPROVED, 12, 2099)));
		assertThat(again).isEqualTo(first);
		assertThat(this.gateway.charge(once(key, card(SandboxCards.DECLINED, 12, 2099)))).isEqualTo(first);
		assertThat(storedMethods()).isEqualTo(stored + 1);

		this.gateway.setBehaviour(first.paymentToken(), DeclineReason.PROCESSING_ERROR);
		String renewalKey = key();
		Charge declined = this.gateway.charge(byToken(renewalKey, first.paymentToken()));
		assertThat(declined.declineReason()).isEqualTo(DeclineReason.PROCESSING_ERROR);
		this.gateway.setBehaviour(first.paymentToken(), null);
		assertThat(this.gateway.charge(byToken(renewalKey, first.paymentToken()))).isEqualTo(declined);
		assertThat(this.jdbc.sql("SELECT count(*) FROM sandbox_charges WHERE idempotency_key IN (?, ?)")
			.params(key, renewalKey)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void concurrentCallsWithOneKeyMakeOneChargeAndStoreOneCard() throws Exception {
		long stored = storedMethods();
		String key = key();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			java.util.List<java.util.concurrent.Future<Charge>> calls = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return this.gateway.charge(store(key, PRICE, card(SandboxCards.APPROVED, 12, 2099)));
				}));
			}
			start.countDown();
			Charge first = calls.get(0).get(30, java.util.concurrent.TimeUnit.SECONDS);
			for (java.util.concurrent.Future<Charge> call : calls) {
				assertThat(call.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(first);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(storedMethods()).isEqualTo(stored + 1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM sandbox_charges WHERE idempotency_key = ?")
			.param(key)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void aCardAndATokenTogetherAreRefusedWithoutCharging() {
		String key = key();
		assertThatThrownBy(() -> this.gateway.charge(new ChargeRequest(key, PRICE, PaymentMethod.CARD,
				card(SandboxCards.APPROVED, 12, 2099), "Bia", "bia@example.com", "Course", "pm_x", false)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(this.gateway.find(key)).isEmpty();
	}

	@Test
	void anyoneWithTheLinkChangesLaterChargesOnTheSandboxPageInTheirLanguage() {
		String token = this.gateway.charge(store(key(), PRICE, card(SandboxCards.RENEWAL_INSUFFICIENT_FUNDS, 7, 2031)))
			.paymentToken();
		WebClient browser = new WebClient(this.port);
		Page page = browser.get("/sandbox/payment-methods/" + token);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().getElementById("method-card").text()).isEqualTo("VISA ending in 9995");
		assertThat(page.document().getElementById("method-expiry").text()).isEqualTo("07/2031");
		assertThat(page.document().getElementById("method-behaviour").text()).isEqualTo("Decline: insufficient funds");
		assertThat(page.document().select("fieldset legend").text()).isEqualTo("How the sandbox answers later charges");
		assertThat(page.document().select("input[name=behaviour]")).hasSize(1 + DeclineReason.values().length);
		assertThat(page.document().select("input[name=behaviour][checked]").attr("value"))
			.isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(page.document().select("label[for=behaviour-STOLEN_CARD]").text())
			.isEqualTo("Decline: card reported lost or stolen");

		Page saved = browser.submit("/sandbox/payment-methods/" + token, Map.of("behaviour", "STOLEN_CARD"));
		assertThat(saved.document().getElementById("notice").text())
			.isEqualTo("Saved: later charges of this card follow your choice.");
		assertThat(saved.document().getElementById("method-behaviour").text())
			.isEqualTo("Decline: card reported lost or stolen");
		assertThat(this.gateway.charge(byToken(key(), token)).declineReason()).isEqualTo(DeclineReason.STOLEN_CARD);

		browser.submit("/sandbox/payment-methods/" + token, Map.of("behaviour", "APPROVE"));
		assertThat(this.gateway.charge(byToken(key(), token)).status()).isEqualTo(ChargeStatus.APPROVED);

		Page nonsense = browser.post("/sandbox/payment-methods/" + token, Map.of("behaviour", "REFUND_EVERYTHING"));
		assertThat(nonsense.status()).isEqualTo(400);
		assertThat(nonsense.document().getElementById("problem").text())
			.isEqualTo("Choose how the sandbox answers later charges.");
		assertThat(browser.post("/sandbox/payment-methods/" + token, Map.of()).status()).isEqualTo(400);
		assertThat(this.gateway.paymentMethod(token).orElseThrow().declinesWith()).isNull();

		Page portuguese = new WebClient(this.port).language("pt-BR").get("/sandbox/payment-methods/" + token);
		assertThat(portuguese.document().select("h1").text()).isEqualTo("Cartão guardado (sandbox)");
		assertThat(portuguese.document().getElementById("method-behaviour").text()).isEqualTo("Aprovar");
	}

	@Test
	void anUnknownTokenHasNoPageAndAPostNeedsTheFormsToken() {
		WebClient browser = new WebClient(this.port);
		assertThat(browser.get("/sandbox/payment-methods/pm_" + "0".repeat(24)).status()).isEqualTo(404);
		assertThat(
				browser.post("/sandbox/payment-methods/pm_" + "0".repeat(24), Map.of("behaviour", "APPROVE")).status())
			.isIn(403, 404);

		String token = this.gateway.charge(store(key(), PRICE, card(SandboxCards.APPROVED, 12, 2099))).paymentToken();
		Page forged = new WebClient(this.port).post("/sandbox/payment-methods/" + token,
				Map.of("behaviour", "CLOSED_ACCOUNT"));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(this.gateway.paymentMethod(token).orElseThrow().declinesWith()).isNull();
	}

	private long storedMethods() {
		return this.jdbc.sql("SELECT count(*) FROM sandbox_payment_methods").query(Long.class).single();
	}

	private static String key() {
		return "HP" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
	}

	private static CardDetails card(String number, int month, int year) {
		return new CardDetails(number, "BIA BUYER", month, year, "123");
	}

	private static ChargeRequest store(String key, Money amount, CardDetails card) {
		return new ChargeRequest(key, amount, PaymentMethod.CARD, card, "Bia Buyer", "bia@example.com", "Monthly club",
				null, true);
	}

	private static ChargeRequest byToken(String key, String token) {
		return new ChargeRequest(key, PRICE, PaymentMethod.CARD, null, "Bia Buyer", "bia@example.com",
				"Monthly club renewal", token, false);
	}

	private static ChargeRequest once(String key, CardDetails card) {
		return ChargeRequest.once(key, PRICE, PaymentMethod.CARD, card, "Bia Buyer", "bia@example.com", "Course");
	}

}
