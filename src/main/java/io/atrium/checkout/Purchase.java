package io.atrium.checkout;

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
			PurchaseStatus.PRINTED_BILLET);

	private final Long id;

	private final PurchaseTerms terms;

	private PurchaseStatus status;

	private PaymentDetails payment;

	private Long buyerAccountId;

	private Instant approvedAt;

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
	 * A new purchase, {@link PurchaseStatus#STARTED}.
	 * @param terms what it is for
	 * @return the purchase, with its first change recorded
	 */
	public static Purchase start(PurchaseTerms terms) {
		Purchase purchase = new Purchase(null, terms, null, null, null, null);
		purchase.move(PurchaseStatus.STARTED, terms.createdAt(), null);
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
