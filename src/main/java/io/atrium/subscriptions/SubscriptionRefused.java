package io.atrium.subscriptions;

import io.atrium.checkout.DeclineReason;

/**
 * A subscription change that is not allowed now; nothing was changed. The message names
 * the current state.
 */
public class SubscriptionRefused extends RuntimeException {

	private final Reason reason;

	private final DeclineReason declineReason;

	/**
	 * @param reason why
	 * @param message what happened, with the current state
	 */
	public SubscriptionRefused(Reason reason, String message) {
		this(reason, message, null);
	}

	/**
	 * @param reason why
	 * @param message what happened, with the current state
	 * @param declineReason why the card was refused, for {@link Reason#CARD_DECLINED}
	 */
	public SubscriptionRefused(Reason reason, String message, DeclineReason declineReason) {
		super(message);
		this.reason = reason;
		this.declineReason = declineReason;
	}

	/**
	 * @return why
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * @return why the card was refused (for {@link Reason#CARD_DECLINED}), or null
	 */
	public DeclineReason declineReason() {
		return this.declineReason;
	}

	/** Why a change was refused; {@link #code()} is the compatible API's error name. */
	public enum Reason {

		/** No such subscription for this producer (or buyer). */
		NOT_FOUND("not_found"),

		/** Cancelling a cancelled or inactive subscription. */
		ALREADY_CANCELLED("SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE"),

		/** Reactivating an active or delayed subscription. */
		ALREADY_ACTIVE("SUBSCRIPTION_ALREADY_ACTIVE"),

		/** Changing the due day or plan during the free trial where not allowed. */
		IN_TRIAL("subscription_in_trial_period"),

		/** A due day outside 1–31 (1–7 for weekly plans). */
		INVALID_DUE_DAY("invalid_parameter"),

		/** The change needs an active or delayed subscription. */
		NOT_ACTIVE("SUBSCRIPTION_NOT_ACTIVE"),

		/** The reactivation link expired or was never offered. */
		NO_REACTIVATION_OFFER("REACTIVATION_NOT_OFFERED"),

		/** The plan is not another plan of the subscription's product. */
		INVALID_PLAN("invalid_parameter"),

		/** The card was refused; the subscription stays as it was. */
		CARD_DECLINED("CARD_DECLINED"),

		/** The payment processor could not be reached; nothing changed, try again. */
		GATEWAY_UNAVAILABLE("internal_server_error");

		private final String code;

		Reason(String code) {
			this.code = code;
		}

		/**
		 * @return the error name the compatible API answers
		 */
		public String code() {
			return this.code;
		}

	}

}
