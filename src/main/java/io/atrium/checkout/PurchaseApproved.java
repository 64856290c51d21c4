package io.atrium.checkout;

import java.time.Instant;

import io.atrium.catalog.DeliveryKind;
import io.atrium.shared.Money;

/**
 * A purchase was paid: the buyer should get access. Published inside the transaction that
 * approved it, once per purchase. Listen with {@code @ApplicationModuleListener}: the
 * reaction runs after the commit in its own transaction and is retried until it succeeds
 * (so it must be idempotent); it never rolls back the purchase.
 *
 * @param transaction the purchase's transaction code ({@code HP…})
 * @param purchaseId the purchase's id
 * @param productId the product bought
 * @param offerId the offer bought
 * @param clubGroupId the members-area group of the offer, or null for the default group
 * @param producerAccountId the seller
 * @param buyerAccountId the buyer's account (created pending on a first purchase)
 * @param buyerEmail the buyer's e-mail
 * @param price what was charged
 * @param approvedAt when
 * @param deliveryKind where the buyer gets access (members area or an external one), as
 * the product said when it was bought
 * @param subscriptionId the subscription this charge renews, null for a first purchase
 * @param startsPlan whether the offer bought is a plan, so the purchase starts a
 * subscription; null when not known (an event stored before this was added): listeners
 * then look at the offer
 * @param recurrence the recurrence of the subscription this charge pays (a renewal, a
 * retry); null for any other purchase (a first purchase, a negotiation of unpaid
 * recurrences, an upgrade's difference, or an event stored before this was added)
 */
public record PurchaseApproved(String transaction, long purchaseId, long productId, long offerId, Long clubGroupId,
		long producerAccountId, long buyerAccountId, String buyerEmail, Money price, Instant approvedAt,
		DeliveryKind deliveryKind, Long subscriptionId, Boolean startsPlan, Integer recurrence) {

	/**
	 * An approval that pays no recurrence.
	 */
	public PurchaseApproved(String transaction, long purchaseId, long productId, long offerId, Long clubGroupId,
			long producerAccountId, long buyerAccountId, String buyerEmail, Money price, Instant approvedAt,
			DeliveryKind deliveryKind, Long subscriptionId, Boolean startsPlan) {
		this(transaction, purchaseId, productId, offerId, clubGroupId, producerAccountId, buyerAccountId, buyerEmail,
				price, approvedAt, deliveryKind, subscriptionId, startsPlan, null);
	}

	/**
	 * An approval whose offer kind is not known ({@code startsPlan} null).
	 */
	public PurchaseApproved(String transaction, long purchaseId, long productId, long offerId, Long clubGroupId,
			long producerAccountId, long buyerAccountId, String buyerEmail, Money price, Instant approvedAt,
			DeliveryKind deliveryKind, Long subscriptionId) {
		this(transaction, purchaseId, productId, offerId, clubGroupId, producerAccountId, buyerAccountId, buyerEmail,
				price, approvedAt, deliveryKind, subscriptionId, null);
	}

}
