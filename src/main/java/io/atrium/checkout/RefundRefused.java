package io.atrium.checkout;

import java.time.Instant;

/**
 * A refund (or a refund request) that cannot be made; nothing changed.
 */
public class RefundRefused extends RuntimeException {

	/**
	 * Why.
	 */
	public enum Reason {

		/**
		 * No such purchase for the person asking (another producer's, another buyer's).
		 */
		NOT_FOUND,

		/** Not APPROVED, or the refund window has ended (see {@link #windowEnd()}). */
		NOT_ELIGIBLE,

		/** It was refunded already; the gateway was not called again. */
		ALREADY_REFUNDED

	}

	private final Reason reason;

	private final String transaction;

	private final PurchaseStatus status;

	private final Instant windowEnd;

	RefundRefused(Reason reason, String transaction, PurchaseStatus status, Instant windowEnd) {
		super(message(reason, transaction, status, windowEnd));
		this.reason = reason;
		this.transaction = transaction;
		this.status = status;
		this.windowEnd = windowEnd;
	}

	private static String message(Reason reason, String transaction, PurchaseStatus status, Instant windowEnd) {
		return switch (reason) {
			case NOT_FOUND -> "No purchase " + transaction + ".";
			case ALREADY_REFUNDED -> "Purchase " + transaction + " was already refunded.";
			case NOT_ELIGIBLE -> "Purchase " + transaction + " is " + status + " and cannot be refunded"
					+ ((windowEnd != null) ? "; its refund window ended at " + windowEnd : "") + ".";
		};
	}

	/**
	 * @return why
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * @return the transaction code asked for
	 */
	public String transaction() {
		return this.transaction;
	}

	/**
	 * @return the purchase's status, null when not found
	 */
	public PurchaseStatus status() {
		return this.status;
	}

	/**
	 * @return when its refund window ended (or ends), null when not found or never
	 * approved
	 */
	public Instant windowEnd() {
		return this.windowEnd;
	}

}
