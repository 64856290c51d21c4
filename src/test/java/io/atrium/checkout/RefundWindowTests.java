package io.atrium.checkout;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

import io.atrium.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefundWindowTests {

	static final Instant APPROVED_AT = Instant.parse("2026-03-01T12:00:00Z");

	static Purchase approved(int warrantyDays) {
		Money price = Money.of(4990, "BRL");
		Purchase purchase = Purchase.start(new PurchaseTerms("HP12345678901234", "attempt", 1, "abcd1234", 1000000,
				"Course", 7, null, null, price, price, PaymentMethod.CARD,
				new Buyer("Ana", "ana@example.com", null, Locale.ENGLISH), APPROVED_AT.minusSeconds(5)), warrantyDays);
		purchase.approve(42, APPROVED_AT);
		return purchase;
	}

	@Test
	void theWindowEndsWarrantyDaysAfterApprovalExclusive() {
		Purchase purchase = approved(7);
		Instant end = APPROVED_AT.plus(Duration.ofDays(7));
		assertThat(purchase.refundWindowEnd()).isEqualTo(end);
		assertThat(purchase.withinRefundWindow(APPROVED_AT)).isTrue();
		assertThat(purchase.withinRefundWindow(end.minusNanos(1))).isTrue();
		assertThat(purchase.withinRefundWindow(end)).isFalse();
		assertThat(purchase.withinRefundWindow(end.plusSeconds(1))).isFalse();
		assertThat(approved(30).refundWindowEnd()).isEqualTo(APPROVED_AT.plus(Duration.ofDays(30)));
	}

	@Test
	void theWindowIsTheSameInstantInEveryTimeZoneAcrossDaylightSavingChanges() {
		// 2026-03-08 is the US daylight-saving change: still exactly 7 x 24 hours
		Purchase purchase = approved(7);
		Instant end = purchase.refundWindowEnd();
		for (String zone : new String[] { "America/New_York", "America/Sao_Paulo", "Asia/Tokyo", "UTC" }) {
			ZonedDateTime local = end.atZone(ZoneId.of(zone));
			assertThat(local.toInstant()).isEqualTo(APPROVED_AT.plusSeconds(7 * 86400L));
		}
		assertThat(purchase
			.withinRefundWindow(ZonedDateTime.of(2026, 3, 8, 7, 59, 59, 0, ZoneId.of("America/New_York")).toInstant()))
			.isTrue();
		assertThat(purchase
			.withinRefundWindow(ZonedDateTime.parse("2026-03-08T09:00:00-03:00[America/Sao_Paulo]").toInstant()))
			.isFalse();
	}

	@Test
	void aRequestInsideTheWindowIsRecordedOnceAndStaysHonouredAfterTheWindowEnds() {
		Purchase purchase = approved(7);
		Instant inside = APPROVED_AT.plus(Duration.ofDays(6));
		assertThat(purchase.requestRefund(inside)).isTrue();
		assertThat(purchase.requestRefund(inside.plusSeconds(60))).isFalse();
		assertThat(purchase.refundRequestedAt()).isEqualTo(inside);
		assertThat(purchase.refundable(APPROVED_AT.plus(Duration.ofDays(20)))).isTrue();
		assertThat(purchase.changes()).extracting(Purchase.StatusChange::to)
			.containsExactly(PurchaseStatus.STARTED, PurchaseStatus.APPROVED);
	}

	@Test
	void aRequestAfterTheWindowIsRefusedWithItsEndAndChangesNothing() {
		Purchase purchase = approved(7);
		Instant end = purchase.refundWindowEnd();
		assertThatThrownBy(() -> purchase.requestRefund(end)).isInstanceOfSatisfying(RefundRefused.class, (ex) -> {
			assertThat(ex.reason()).isEqualTo(RefundRefused.Reason.NOT_ELIGIBLE);
			assertThat(ex.windowEnd()).isEqualTo(end);
		});
		assertThat(purchase.refundRequestedAt()).isNull();
		assertThat(purchase.refundable(end)).isFalse();
		assertThat(purchase.refundable(end.minusSeconds(1))).isTrue();
	}

	@Test
	void completionOnlyAfterTheWindowAndOnlyFromApproved() {
		Purchase purchase = approved(7);
		Instant end = purchase.refundWindowEnd();
		assertThatThrownBy(() -> purchase.complete(end.minusSeconds(1))).isInstanceOf(IllegalPurchaseTransition.class);
		purchase.complete(end);
		assertThat(purchase.status()).isEqualTo(PurchaseStatus.COMPLETE);
		assertThat(purchase.refundable(end)).isFalse();
		assertThatThrownBy(() -> purchase.complete(end)).isInstanceOf(IllegalPurchaseTransition.class);
		assertThatThrownBy(() -> purchase.requestRefund(end)).isInstanceOf(IllegalPurchaseTransition.class);
	}

	@Test
	void refundAndChargebackAreGuardedMoves() {
		Purchase refunded = approved(7);
		refunded.refund(APPROVED_AT.plusSeconds(60));
		assertThat(refunded.status()).isEqualTo(PurchaseStatus.REFUNDED);
		assertThatThrownBy(() -> refunded.refund(APPROVED_AT.plusSeconds(61)))
			.isInstanceOf(IllegalPurchaseTransition.class)
			.hasMessageContaining("REFUNDED");
		assertThatThrownBy(() -> refunded.chargeback(APPROVED_AT.plusSeconds(61)))
			.isInstanceOf(IllegalPurchaseTransition.class);

		Purchase disputed = approved(7);
		disputed.complete(disputed.refundWindowEnd());
		disputed.chargeback(disputed.refundWindowEnd().plusSeconds(1));
		assertThat(disputed.status()).isEqualTo(PurchaseStatus.CHARGEBACK);
		assertThat(disputed.changes()).extracting(Purchase.StatusChange::to)
			.containsExactly(PurchaseStatus.STARTED, PurchaseStatus.APPROVED, PurchaseStatus.COMPLETE,
					PurchaseStatus.CHARGEBACK);

		Purchase unpaid = PurchaseTests.started(PaymentMethod.CARD);
		assertThat(unpaid.refundWindowEnd()).isNull();
		assertThat(unpaid.refundable(APPROVED_AT)).isFalse();
		assertThatThrownBy(() -> unpaid.refund(APPROVED_AT)).isInstanceOf(IllegalPurchaseTransition.class);
	}

}
