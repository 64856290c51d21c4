package io.atrium.subscriptions;

import java.time.Instant;

import io.atrium.checkout.DeclineReason;
import io.atrium.shared.Money;

/**
 * The events a subscription publishes, inside the transaction that changed it. Handled
 * after commit with {@code @ApplicationModuleListener}s (the subscription e-mails here;
 * webhooks later), retried until they succeed, so handlers are idempotent.
 */
public final class SubscriptionEvents {

	private SubscriptionEvents() {
	}

	/**
	 * A subscription started (from its first purchase).
	 *
	 * @param subscription who and what
	 * @param trial whether it starts with a free trial
	 * @param firstChargeAt when the first (or next) charge is due
	 * @param at when
	 */
	public record Started(SubscriptionRef subscription, boolean trial, Instant firstChargeAt, Instant at) {
	}

	/**
	 * A recurrence was charged and paid (a renewal, a recovered or overdue payment, a
	 * reactivation's charge or a plan upgrade's difference).
	 *
	 * @param subscription who and what
	 * @param recurrence the recurrence paid, null for a plan upgrade's difference
	 * @param transaction the purchase's transaction code
	 * @param amount what was charged
	 * @param cardBrand the card's brand
	 * @param cardLast4 its last four digits
	 * @param nextChargeAt the next charge, or null
	 * @param at when
	 */
	public record Charged(SubscriptionRef subscription, Integer recurrence, String transaction, Money amount,
			String cardBrand, String cardLast4, Instant nextChargeAt, Instant at) {
	}

	/**
	 * A charge was refused.
	 *
	 * @param subscription who and what
	 * @param recurrence the unpaid recurrence
	 * @param transaction its purchase's transaction code
	 * @param amount what was due
	 * @param reason why the card was refused
	 * @param retryAt when it is retried, null when it is not (a hard decline, or no retry
	 * left)
	 * @param accessEndsAt when access stops unless paid (the end of the dunning window)
	 * @param at when
	 */
	public record ChargeFailed(SubscriptionRef subscription, int recurrence, String transaction, Money amount,
			DeclineReason reason, Instant retryAt, Instant accessEndsAt, Instant at) {
	}

	/**
	 * A subscription became OVERDUE: access stopped.
	 *
	 * @param subscription who and what
	 * @param overdueSince the due date of the first unpaid recurrence
	 * @param at when
	 */
	public record WentOverdue(SubscriptionRef subscription, Instant overdueSince, Instant at) {
	}

	/**
	 * A subscription was cancelled.
	 *
	 * @param subscription who and what
	 * @param status the cancelled status
	 * @param actor who cancelled
	 * @param sendMail whether the subscriber is told by e-mail
	 * @param accessUntil the last moment of access
	 * @param at when
	 */
	public record Cancelled(SubscriptionRef subscription, SubscriptionStatus status, Actor actor, boolean sendMail,
			Instant accessUntil, Instant at) {
	}

	/**
	 * The producer offered the subscriber to reactivate (the e-mailed link is valid 3
	 * days).
	 *
	 * @param subscription who and what
	 * @param charge whether accepting charges at once
	 * @param validUntil when the offer ends
	 * @param at when
	 */
	public record ReactivationOffered(SubscriptionRef subscription, boolean charge, Instant validUntil, Instant at) {
	}

	/**
	 * A subscription is active again.
	 *
	 * @param subscription who and what
	 * @param actor who reactivated it
	 * @param charged whether a recurrence was charged
	 * @param nextChargeAt the next charge
	 * @param at when
	 */
	public record Reactivated(SubscriptionRef subscription, Actor actor, boolean charged, Instant nextChargeAt,
			Instant at) {
	}

	/**
	 * The due day changed (for the {@code UPDATE_SUBSCRIPTION_CHARGE_DATE} webhook).
	 *
	 * @param subscription who and what
	 * @param oldDueDay the due day before
	 * @param newDueDay the new due day, from the charge after the next
	 * @param nextChargeAt the next charge (still on the old day)
	 * @param actor who
	 * @param at when
	 */
	public record ChargeDateChanged(SubscriptionRef subscription, int oldDueDay, int newDueDay, Instant nextChargeAt,
			Actor actor, Instant at) {
	}

	/**
	 * The plan was switched or a switch scheduled (for the {@code SWITCH_PLAN} webhook).
	 *
	 * @param subscription who and what (with the new plan when it applies now)
	 * @param fromOfferCode the plan before
	 * @param toOfferCode the new plan
	 * @param kind upgrade now, downgrade at renewal, or a change during the trial
	 * @param chargedNow what was charged now
	 * @param effectiveAt when the new plan applies
	 * @param actor who
	 * @param at when
	 */
	public record PlanSwitched(SubscriptionRef subscription, String fromOfferCode, String toOfferCode,
			PlanSwitchQuote.Kind kind, Money chargedNow, Instant effectiveAt, Actor actor, Instant at) {
	}

}
