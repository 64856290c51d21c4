package io.atrium.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.atrium.checkout.internal.PurchaseRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports purchases made elsewhere or earlier, with their status and dates as given: for
 * the demo data and for migrations from another platform only. An imported purchase is
 * marked as such: no e-mail is ever sent about it, and importing publishes no event (the
 * members area and webhooks are not told).
 */
@Service
public class HistoricalPurchases {

	private final PurchaseRows rows;

	private final Clock clock;

	HistoricalPurchases(PurchaseRows rows, Clock clock) {
		this.rows = rows;
		this.clock = clock;
	}

	/**
	 * Records one purchase in a final or pending status, with a status history that leads
	 * there through the usual moves.
	 * @param purchase what to record
	 * @return the stored purchase
	 */
	@Transactional
	public Purchase record(HistoricalPurchase purchase) {
		PurchaseTerms t = purchase.terms();
		List<Purchase.StatusChange> history = new ArrayList<>();
		history.add(new Purchase.StatusChange(null, PurchaseStatus.STARTED, t.createdAt(), null));
		PurchaseStatus status = purchase.status();
		Instant approvedAt = null;
		Instant last = t.createdAt();
		switch (status) {
			case WAITING_PAYMENT, PRINTED_BILLET, EXPIRED -> {
				PurchaseStatus waiting = (t.method() == PaymentMethod.BILLET) ? PurchaseStatus.PRINTED_BILLET
						: PurchaseStatus.WAITING_PAYMENT;
				history.add(new Purchase.StatusChange(PurchaseStatus.STARTED, waiting, t.createdAt(), null));
				if (status == PurchaseStatus.EXPIRED) {
					history.add(new Purchase.StatusChange(waiting, status, purchase.changedAt(), null));
					last = purchase.changedAt();
				}
			}
			case CANCELLED, NO_FUNDS -> {
				history.add(new Purchase.StatusChange(PurchaseStatus.STARTED, status, t.createdAt(),
						(status == PurchaseStatus.NO_FUNDS) ? "INSUFFICIENT_FUNDS" : "DECLINED"));
			}
			case APPROVED, COMPLETE, REFUNDED, CHARGEBACK -> {
				approvedAt = t.createdAt();
				history
					.add(new Purchase.StatusChange(PurchaseStatus.STARTED, PurchaseStatus.APPROVED, approvedAt, null));
				if (status != PurchaseStatus.APPROVED) {
					history.add(new Purchase.StatusChange(PurchaseStatus.APPROVED, status, purchase.changedAt(), null));
					last = purchase.changedAt();
				}
			}
			default -> throw new IllegalArgumentException("Cannot import a purchase " + status);
		}
		Purchase stored = Purchase.restore(0, t, status, purchase.payment(),
				(approvedAt != null) ? purchase.buyerAccountId() : null, approvedAt, purchase.warrantyDays(),
				purchase.refundRequestedAt(), true);
		long id = this.rows.insertImported(stored, history, last);
		return this.rows.find(id).orElseThrow();
	}

	/**
	 * Records one charge of an imported subscription (a recurrence), with its gateway
	 * attempts: each refused attempt leaves it OVERDUE (with the reason), a payment makes
	 * it APPROVED (COMPLETE once its guarantee ended), and a drop (the subscription ended
	 * unpaid) CANCELLED. An OVERDUE charge stays chargeable: the next renewal or payment
	 * of the subscription continues with the next attempt. Joins the caller's
	 * transaction.
	 * @param charge what to record
	 * @return the stored purchase
	 * @throws IllegalArgumentException when it was neither paid nor refused
	 */
	@Transactional
	public Purchase recordCharge(HistoricalCharge charge) {
		PurchaseTerms t = charge.terms();
		if (charge.paidAt() == null && charge.declines().isEmpty()) {
			throw new IllegalArgumentException("A charge to import was paid or refused at least once");
		}
		List<Purchase.StatusChange> history = new ArrayList<>();
		history.add(new Purchase.StatusChange(null, PurchaseStatus.STARTED, t.createdAt(), null));
		PurchaseStatus status = PurchaseStatus.STARTED;
		Instant last = t.createdAt();
		for (Decline decline : charge.declines()) {
			history
				.add(new Purchase.StatusChange(status, PurchaseStatus.OVERDUE, decline.at(), decline.reason().name()));
			status = PurchaseStatus.OVERDUE;
			last = decline.at();
		}
		Instant approvedAt = null;
		if (charge.paidAt() != null) {
			approvedAt = charge.paidAt();
			history.add(new Purchase.StatusChange(status, PurchaseStatus.APPROVED, approvedAt, null));
			status = PurchaseStatus.APPROVED;
			last = approvedAt;
			Instant windowEnd = approvedAt.plus(Duration.ofDays(charge.warrantyDays()));
			if (!windowEnd.isAfter(this.clock.instant())) {
				history.add(new Purchase.StatusChange(status, PurchaseStatus.COMPLETE, windowEnd, null));
				status = PurchaseStatus.COMPLETE;
				last = windowEnd;
			}
		}
		else if (charge.droppedAt() != null) {
			history.add(new Purchase.StatusChange(status, PurchaseStatus.CANCELLED, charge.droppedAt(),
					"SUBSCRIPTION_ENDED"));
			status = PurchaseStatus.CANCELLED;
			last = charge.droppedAt();
		}
		PurchaseTerms keyed = new PurchaseTerms(t.transaction(),
				RecurringCharges.attemptId(charge.subscriptionId(), charge.recurrenceNumber()), t.offerId(),
				t.offerCode(), t.productId(), t.productName(), t.producerAccountId(), t.clubGroupId(), t.couponCode(),
				t.listPrice(), t.price(), t.method(), t.buyer(), t.createdAt());
		Purchase stored = Purchase
			.restore(0, keyed, status, charge.payment(), (approvedAt != null) ? charge.buyerAccountId() : null,
					approvedAt, charge.warrantyDays(), null, true)
			.withSubscription(charge.subscriptionId(), charge.recurrenceNumber(), charge.paymentToken());
		long id = this.rows.insertImported(stored, history, last);
		this.rows.settleImportedAttempts(id, Math.max(1, charge.declines().size() + ((approvedAt != null) ? 1 : 0)));
		return this.rows.find(id).orElseThrow();
	}

	/**
	 * @param producerAccountId a producer
	 * @return how many purchases the producer has, in any status
	 */
	@Transactional(readOnly = true)
	public long countOfProducer(long producerAccountId) {
		return this.rows.countOfProducer(producerAccountId);
	}

	/**
	 * A purchase to import.
	 *
	 * @param terms what it was for (its {@code createdAt} is when it was made and, when
	 * paid, approved)
	 * @param status its status now: WAITING_PAYMENT, PRINTED_BILLET, EXPIRED, CANCELLED,
	 * NO_FUNDS, APPROVED, COMPLETE, REFUNDED or CHARGEBACK
	 * @param payment its payment details (the gateway's charge)
	 * @param buyerAccountId the buyer's account (kept for paid statuses)
	 * @param warrantyDays the guarantee in days
	 * @param refundRequestedAt when the buyer asked for a refund, or null
	 * @param changedAt when it reached its final status (expiry, completion, refund,
	 * chargeback)
	 */
	public record HistoricalPurchase(PurchaseTerms terms, PurchaseStatus status, PaymentDetails payment,
			Long buyerAccountId, int warrantyDays, Instant refundRequestedAt, Instant changedAt) {

	}

	/**
	 * A subscription's charge to import.
	 *
	 * @param terms what it charged (its {@code createdAt} is the first attempt; its
	 * attempt id is replaced by the recurrence's own)
	 * @param subscriptionId the subscription
	 * @param recurrenceNumber the recurrence it pays
	 * @param declines the refused attempts, oldest first
	 * @param paidAt when the attempt after them was approved, or null
	 * @param droppedAt when an unpaid charge was dropped (the subscription ended), or
	 * null
	 * @param payment the card it was (last) tried with
	 * @param paymentToken the stored card charged, or null
	 * @param buyerAccountId the subscriber's account
	 * @param warrantyDays the guarantee in days
	 */
	public record HistoricalCharge(PurchaseTerms terms, long subscriptionId, int recurrenceNumber,
			List<Decline> declines, Instant paidAt, Instant droppedAt, PaymentDetails payment, String paymentToken,
			long buyerAccountId, int warrantyDays) {

		public HistoricalCharge {
			declines = List.copyOf(declines);
		}

	}

	/**
	 * A refused attempt of an imported charge.
	 *
	 * @param reason why the card was refused
	 * @param at when
	 */
	public record Decline(DeclineReason reason, Instant at) {

	}

}
