package io.atrium.checkout;

import java.time.Instant;
import java.util.Locale;

import io.atrium.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseTests {

	static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

	static Purchase started(PaymentMethod method) {
		Money price = Money.of(4990, "BRL");
		return Purchase.start(new PurchaseTerms("HP12345678901234", "attempt", 1, "abcd1234", 1000000, "Course", 7,
				null, null, price, price, method, new Buyer("Ana", "ana@example.com", null, Locale.ENGLISH), T0));
	}

	static Charge charge(ChargeStatus status, DeclineReason reason) {
		return new Charge("sbx_1", "HP12345678901234", status, reason, "VISA", "1111", null, null,
				T0.plusSeconds(1800), null);
	}

	@Test
	void aNewPurchaseIsStartedWithItsFirstChangeRecorded() {
		Purchase purchase = started(PaymentMethod.CARD);
		assertThat(purchase.status()).isEqualTo(PurchaseStatus.STARTED);
		assertThat(purchase.changes())
			.containsExactly(new Purchase.StatusChange(null, PurchaseStatus.STARTED, T0, null));
	}

	@Test
	void approvalRecordsTheBuyerAndTheTime() {
		Purchase purchase = started(PaymentMethod.CARD);
		purchase.approve(42, T0.plusSeconds(1));
		assertThat(purchase.status()).isEqualTo(PurchaseStatus.APPROVED);
		assertThat(purchase.buyerAccountId()).isEqualTo(42);
		assertThat(purchase.approvedAt()).isEqualTo(T0.plusSeconds(1));
		assertThat(purchase.changes()).extracting(Purchase.StatusChange::to)
			.containsExactly(PurchaseStatus.STARTED, PurchaseStatus.APPROVED);
	}

	@Test
	void insufficientFundsIsNoFundsAndOtherRefusalsAreCancelled() {
		Purchase poor = started(PaymentMethod.CARD);
		poor.decline(charge(ChargeStatus.DECLINED, DeclineReason.INSUFFICIENT_FUNDS), T0);
		assertThat(poor.status()).isEqualTo(PurchaseStatus.NO_FUNDS);
		Purchase refused = started(PaymentMethod.CARD);
		refused.decline(charge(ChargeStatus.DECLINED, DeclineReason.DECLINED), T0);
		assertThat(refused.status()).isEqualTo(PurchaseStatus.CANCELLED);
		assertThat(refused.payment().declineReason()).isEqualTo(DeclineReason.DECLINED);
		assertThat(refused.changes().get(1).reason()).isEqualTo("DECLINED");
	}

	@Test
	void pixWaitsForPaymentAndBilletIsPrinted() {
		Purchase pix = started(PaymentMethod.PIX);
		pix.awaitPayment(charge(ChargeStatus.PENDING, null), T0);
		assertThat(pix.status()).isEqualTo(PurchaseStatus.WAITING_PAYMENT);
		Purchase billet = started(PaymentMethod.BILLET);
		billet.awaitPayment(charge(ChargeStatus.PENDING, null), T0);
		assertThat(billet.status()).isEqualTo(PurchaseStatus.PRINTED_BILLET);
		billet.expire(T0.plusSeconds(3));
		assertThat(billet.status()).isEqualTo(PurchaseStatus.EXPIRED);
	}

	@Test
	void forbiddenMovesThrowWithTheCurrentStatus() {
		Purchase approved = started(PaymentMethod.CARD);
		approved.approve(1, T0);
		assertThatThrownBy(() -> approved.approve(1, T0)).isInstanceOf(IllegalPurchaseTransition.class)
			.hasMessage("Purchase HP12345678901234 is APPROVED; cannot approve");
		assertThatThrownBy(() -> approved.expire(T0)).hasMessageContaining("is APPROVED; cannot expire");
		assertThatThrownBy(() -> approved.decline(charge(ChargeStatus.DECLINED, null), T0))
			.hasMessageContaining("is APPROVED");
		Purchase card = started(PaymentMethod.CARD);
		assertThatThrownBy(() -> card.refund(T0)).hasMessageContaining("is STARTED; cannot refund");
		assertThatThrownBy(() -> card.expire(T0)).hasMessageContaining("is STARTED; cannot expire");
		Purchase expired = started(PaymentMethod.PIX);
		expired.awaitPayment(charge(ChargeStatus.PENDING, null), T0);
		expired.expire(T0);
		assertThatThrownBy(() -> expired.approve(1, T0)).hasMessageContaining("is EXPIRED; cannot approve");
	}

	@Test
	void paidPurchasesCanBeCompletedRefundedOrChargedBack() {
		Purchase purchase = started(PaymentMethod.CARD);
		purchase.approve(1, T0);
		purchase.complete(T0.plus(java.time.Duration.ofDays(7)));
		purchase.refund(T0.plus(java.time.Duration.ofDays(8)));
		assertThat(purchase.status()).isEqualTo(PurchaseStatus.REFUNDED);
		assertThatThrownBy(() -> purchase.chargeback(T0)).hasMessageContaining("is REFUNDED");
	}

	@Test
	void transactionCodesAreHpAndFourteenDigits() {
		for (int i = 0; i < 1000; i++) {
			String code = TransactionCodes.next();
			assertThat(code).matches("HP\\d{14}");
			assertThat(TransactionCodes.isValid(code)).isTrue();
		}
		assertThat(TransactionCodes.isValid("HP123")).isFalse();
		assertThat(TransactionCodes.isValid("XX12345678901234")).isFalse();
		assertThat(TransactionCodes.next(new java.util.Random(1)))
			.isEqualTo(TransactionCodes.next(new java.util.Random(1)));
	}

	@Test
	void cardDetailsNeverShowTheFullNumber() {
		CardDetails card = new CardDetails("4111 1111 1111 1111", "Ana", 12, 2099, "123");
		assertThat(card.number()).isEqualTo("4111111111111111");
		assertThat(card.last4()).isEqualTo("1111");
		assertThat(card.brand()).isEqualTo("VISA");
		assertThat(card.toString()).doesNotContain("41111111").contains("1111");
	}

}
