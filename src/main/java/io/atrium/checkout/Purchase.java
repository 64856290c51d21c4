package io.atrium.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A purchase: its terms, its status and the payment behind it. Every move is guarded: it
 * checks the current status, changes it and records the change (see {@link #changes()}),
 * and throws {@link IllegalPurchaseTransition} naming the current status when the move is
 * not allowed.
 */
public final class Purchase {

	private static final Set<PurchaseStatus> AWAITING_DECISION = EnumSet.of(PurchaseStatus.STARTED,
			PurchaseStatus.PROCESSING_TRANSACTION, PurchaseStatus.UNDER_ANALISYS);

	private static final Set<PurchaseStatus> APPROVABLE = EnumSet.of(PurchaseStatus.STARTED,
			PurchaseStatus.PROCESSING_TRANSACTION, PurchaseStatus.UNDER_ANALISYS, PurchaseStatus.WAITING_PAYMENT,
			PurchaseStatus.PRINTED_BILLET, PurchaseStatus.OVERDUE);

	private final Long id;

	private final PurchaseTerms terms;

	private PurchaseStatus status;

	private PaymentDetails payment;

	private Long buyerAccountId;

	private Instant approvedAt;

	private int warrantyDays;

	private Instant refundRequestedAt;

	private boolean imported;

	private Long subscriptionId;

	private Integer recurrenceNumber;

	private String paymentToken;

	private String buyerIp;

	private final List<StatusChange> changes = new ArrayList<>();

	private Purchase(Long id, PurchaseTerms terms, PurchaseStatus status, PaymentDetails payment, Long buyerAccountId,
			Instant approvedAt) {
		this.id = id;
		this.terms = Objects.requireNonNull(terms, "terms");
		this.status = status;
		this.payment = (payment != null) ? payment : PaymentDetails.NONE;
		this.buyerAccountId = buyerAccountId;
		this.approvedAt = approvedAt;
	}

	/**
	 * A new purchase, {@link PurchaseStatus#STARTED}, with a 7-day guarantee.
	 * @param terms what it is for
	 * @return the purchase, with its first change recorded
	 */
	public static Purchase start(PurchaseTerms terms) {
		return start(terms, 7);
	}

	/**
	 * A new purchase, {@link PurchaseStatus#STARTED}.
	 * @param terms what it is for
	 * @param warrantyDays the product's refund guarantee at the time, in days
	 * @return the purchase, with its first change recorded
	 */
	public static Purchase start(PurchaseTerms terms, int warrantyDays) {
		Purchase purchase = new Purchase(null, terms, null, null, null, null);
		purchase.warrantyDays = warrantyDays;
		purchase.move(PurchaseStatus.STARTED, terms.createdAt(), null);
		return purchase;
	}

	/**
	 * A stored purchase with its guarantee and refund request.
	 * @param id its id
	 * @param terms its terms
	 * @param status its status
	 * @param payment its payment details
	 * @param buyerAccountId the buyer's account, once approved
	 * @param approvedAt when it was approved, or null
	 * @param warrantyDays its refund guarantee in days
	 * @param refundRequestedAt when the buyer asked for a refund, or null
	 * @param imported whether it was imported (demo, migration) rather than sold here
	 * @return the purchase, with no changes recorded
	 */
	public static Purchase restore(long id, PurchaseTerms terms, PurchaseStatus status, PaymentDetails payment,
			Long buyerAccountId, Instant approvedAt, int warrantyDays, Instant refundRequestedAt, boolean imported) {
		Purchase purchase = restore(id, terms, status, payment, buyerAccountId, approvedAt);
		purchase.warrantyDays = warrantyDays;
		purchase.refundRequestedAt = refundRequestedAt;
		purchase.imported = imported;
		return purchase;
	}

	/**
	 * A stored purchase, as it was saved.
	 * @param id its id
	 * @param terms its terms
	 * @param status its status
	 * @param payment its payment details
	 * @param buyerAccountId the buyer's account, once approved
	 * @param approvedAt when it was approved, or null
	 * @return the purchase, with no changes recorded
	 */
	public static Purchase restore(long id, PurchaseTerms terms, PurchaseStatus status, PaymentDetails payment,
			Long buyerAccountId, Instant approvedAt) {
		return new Purchase(id, terms, Objects.requireNonNull(status, "status"), payment, buyerAccountId, approvedAt);
	}

	/**
	 * A new charge of a subscription, {@link PurchaseStatus#STARTED}.
	 * @param terms what it is for
	 * @param warrantyDays the refund guarantee in days
	 * @param subscriptionId the subscription it charges
	 * @param recurrenceNumber the recurrence it pays, null for a charge outside the
	 * recurrences (the prorated difference of a plan upgrade)
	 * @return the purchase, with its first change recorded
	 */
	public static Purchase startRecurring(PurchaseTerms terms, int warrantyDays, long subscriptionId,
			Integer recurrenceNumber) {
		Purchase purchase = start(terms, warrantyDays);
		purchase.subscriptionId = subscriptionId;
		purchase.recurrenceNumber = recurrenceNumber;
		return purchase;
	}

	/**
	 * Keeps the buyer's IP address as the checkout saw it.
	 * @param address an IPv4 or IPv6 address, or null
	 * @return this purchase
	 */
	public Purchase fromAddress(String address) {
		this.buyerIp = (address != null && address.length() <= 45) ? address : null;
		return this;
	}

	/**
	 * @return the buyer's IP address as the checkout saw it, null when unknown (API
	 * checkouts, imports)
	 */
	public String buyerIp() {
		return this.buyerIp;
	}

	/**
	 * Restores what ties a stored purchase to a subscription.
	 * @param subscriptionId the subscription, null for a purchase outside one
	 * @param recurrenceNumber its recurrence number, or null
	 * @param paymentToken the stored payment method it was paid with, or null
	 * @return this purchase
	 */
	public Purchase withSubscription(Long subscriptionId, Integer recurrenceNumber, String paymentToken) {
		this.subscriptionId = subscriptionId;
		this.recurrenceNumber = recurrenceNumber;
		this.paymentToken = paymentToken;
		return this;
	}

	/**
	 * A subscription's charge was refused: the recurrence stays unpaid
	 * ({@link PurchaseStatus#OVERDUE}) and may be charged again.
	 * @param charge the refused charge
	 * @param at when
	 */
	public void overdue(Charge charge, Instant at) {
		guard(EnumSet.of(PurchaseStatus.STARTED, PurchaseStatus.OVERDUE), "record an unpaid recurrence");
		this.payment = PaymentDetails.of(charge);
		DeclineReason reason = (charge.declineReason() != null) ? charge.declineReason() : DeclineReason.DECLINED;
		move(PurchaseStatus.OVERDUE, at, reason.name());
	}

	/**
	 * An unpaid recurrence will not be charged any more (the subscription was cancelled).
	 * @param at when
	 */
	public void dropUnpaid(Instant at) {
		guard(EnumSet.of(PurchaseStatus.STARTED, PurchaseStatus.OVERDUE), "drop an unpaid recurrence");
		move(PurchaseStatus.CANCELLED, at, "SUBSCRIPTION_ENDED");
	}

	/**
	 * The payment was made: the buyer gets access.
	 * @param buyerAccountId the buyer's account
	 * @param at when
	 */
	public void approve(long buyerAccountId, Instant at) {
		guard(APPROVABLE, "approve");
		this.buyerAccountId = buyerAccountId;
		this.approvedAt = at;
		move(PurchaseStatus.APPROVED, at, null);
	}

	/**
	 * The card was refused: {@link PurchaseStatus#NO_FUNDS} for insufficient funds,
	 * {@link PurchaseStatus#CANCELLED} otherwise.
	 * @param charge the refused charge
	 * @param at when
	 */
	public void decline(Charge charge, Instant at) {
		guard(AWAITING_DECISION, "decline");
		this.payment = PaymentDetails.of(charge);
		DeclineReason reason = (charge.declineReason() != null) ? charge.declineReason() : DeclineReason.DECLINED;
		move((reason == DeclineReason.INSUFFICIENT_FUNDS) ? PurchaseStatus.NO_FUNDS : PurchaseStatus.CANCELLED, at,
				reason.name());
	}

	/**
	 * A PIX code or billet was issued: the purchase waits for it to be paid.
	 * @param charge the pending charge
	 * @param at when
	 */
	public void awaitPayment(Charge charge, Instant at) {
		guard(AWAITING_DECISION, "await payment");
		this.payment = PaymentDetails.of(charge);
		move((this.terms.method() == PaymentMethod.BILLET) ? PurchaseStatus.PRINTED_BILLET
				: PurchaseStatus.WAITING_PAYMENT, at, null);
	}

	/**
	 * Keeps what the gateway reported of the charge (card brand and last digits).
	 * @param charge the charge
	 */
	public void recordCharge(Charge charge) {
		this.payment = PaymentDetails.of(charge);
		if (charge.paymentToken() != null) {
			this.paymentToken = charge.paymentToken();
		}
	}

	/**
	 * A pending PIX or billet was not paid in time.
	 * @param at when
	 */
	public void expire(Instant at) {
		guard(EnumSet.of(PurchaseStatus.WAITING_PAYMENT, PurchaseStatus.PRINTED_BILLET), "expire");
		move(PurchaseStatus.EXPIRED, at, null);
	}

	/**
	 * The charge never reached the gateway (a crash before it): nothing was charged.
	 * @param at when
	 */
	public void abandon(Instant at) {
		guard(AWAITING_DECISION, "abandon");
		move(PurchaseStatus.CANCELLED, at, "NOT_CHARGED");
	}

	/**
	 * The refund guarantee ended.
	 * @param at when
	 */
	public void complete(Instant at) {
		guard(EnumSet.of(PurchaseStatus.APPROVED), "complete");
		if (withinRefundWindow(at)) {
			throw new IllegalPurchaseTransition(this.terms.transaction(), this.status, "complete inside the window");
		}
		move(PurchaseStatus.COMPLETE, at, null);
	}

	/**
	 * The money was given back.
	 * @param at when
	 */
	public void refund(Instant at) {
		guard(EnumSet.of(PurchaseStatus.APPROVED, PurchaseStatus.COMPLETE), "refund");
		move(PurchaseStatus.REFUNDED, at, null);
	}

	/**
	 * The buyer's bank took the money back.
	 * @param at when
	 */
	public void chargeback(Instant at) {
		guard(EnumSet.of(PurchaseStatus.APPROVED, PurchaseStatus.COMPLETE), "charge back");
		move(PurchaseStatus.CHARGEBACK, at, null);
	}

	/**
	 * When the refund guarantee ends: {@code approvedAt + warrantyDays} (exact days of 24
	 * hours on the instant line, the same in every time zone).
	 * @return the end of the refund window, null before approval
	 */
	public Instant refundWindowEnd() {
		return (this.approvedAt != null) ? this.approvedAt.plus(Duration.ofDays(this.warrantyDays)) : null;
	}

	/**
	 * @param at a time
	 * @return whether a refund may be asked for at that time: approved, and strictly
	 * before the window ends
	 */
	public boolean withinRefundWindow(Instant at) {
		Instant end = refundWindowEnd();
		return end != null && at.isBefore(end);
	}

	/**
	 * @param at a time
	 * @return whether it may be refunded at that time: APPROVED and inside the window, or
	 * APPROVED with a refund request made inside the window (a request stays honoured
	 * after the window ends)
	 */
	public boolean refundable(Instant at) {
		if (this.status != PurchaseStatus.APPROVED) {
			return false;
		}
		return withinRefundWindow(at) || (this.refundRequestedAt != null && withinRefundWindow(this.refundRequestedAt));
	}

	/**
	 * The buyer asks for a refund. A second request keeps the first one's time.
	 * @param at when
	 * @return true when this is a new request, false when one was already pending
	 * @throws IllegalPurchaseTransition when the purchase is not APPROVED
	 * @throws RefundRefused {@code NOT_ELIGIBLE} (with the window end) outside the window
	 */
	public boolean requestRefund(Instant at) {
		guard(EnumSet.of(PurchaseStatus.APPROVED), "request a refund");
		if (this.refundRequestedAt != null) {
			return false;
		}
		if (!withinRefundWindow(at)) {
			throw new RefundRefused(RefundRefused.Reason.NOT_ELIGIBLE, this.terms.transaction(), this.status,
					refundWindowEnd());
		}
		this.refundRequestedAt = at;
		return true;
	}

	private void guard(Set<PurchaseStatus> allowed, String move) {
		if (!allowed.contains(this.status)) {
			throw new IllegalPurchaseTransition(this.terms.transaction(), this.status, move);
		}
	}

	private void move(PurchaseStatus to, Instant at, String reason) {
		this.changes.add(new StatusChange(this.status, to, at, reason));
		this.status = to;
	}

	/**
	 * @return the id, null before it is saved
	 */
	public Long id() {
		return this.id;
	}

	/**
	 * @return what it is for
	 */
	public PurchaseTerms terms() {
		return this.terms;
	}

	/**
	 * @return the transaction code
	 */
	public String transaction() {
		return this.terms.transaction();
	}

	/**
	 * @return the current status
	 */
	public PurchaseStatus status() {
		return this.status;
	}

	/**
	 * @return the payment details
	 */
	public PaymentDetails payment() {
		return this.payment;
	}

	/**
	 * @return the buyer's account, null before approval
	 */
	public Long buyerAccountId() {
		return this.buyerAccountId;
	}

	/**
	 * @return when it was approved, or null
	 */
	public Instant approvedAt() {
		return this.approvedAt;
	}

	/**
	 * @return the refund guarantee in days
	 */
	public int warrantyDays() {
		return this.warrantyDays;
	}

	/**
	 * @return when the buyer asked for a refund, or null
	 */
	public Instant refundRequestedAt() {
		return this.refundRequestedAt;
	}

	/**
	 * @return whether it was imported (demo data, a migration): no e-mails about it
	 */
	public boolean imported() {
		return this.imported;
	}

	/**
	 * @return the subscription this purchase charges, null for a one-off purchase (and
	 * for a subscription's first purchase until the subscription is made)
	 */
	public Long subscriptionId() {
		return this.subscriptionId;
	}

	/**
	 * @return the recurrence it pays (1 for the first paid charge, 0 for a free trial's
	 * sign-up), null outside a subscription
	 */
	public Integer recurrenceNumber() {
		return this.recurrenceNumber;
	}

	/**
	 * @return the gateway's token of the card kept for later charges, null when none
	 */
	public String paymentToken() {
		return this.paymentToken;
	}

	/**
	 * @return the status changes made since it was started or restored, oldest first
	 */
	public List<StatusChange> changes() {
		return List.copyOf(this.changes);
	}

	/**
	 * One status change.
	 *
	 * @param from the status before, null for a new purchase
	 * @param to the status after
	 * @param at when
	 * @param reason a short code saying why (a decline reason), or null
	 */
	public record StatusChange(PurchaseStatus from, PurchaseStatus to, Instant at, String reason) {

	}

}
