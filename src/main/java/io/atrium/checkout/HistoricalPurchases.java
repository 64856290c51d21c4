package io.atrium.checkout;

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

	HistoricalPurchases(PurchaseRows rows) {
		this.rows = rows;
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

}
