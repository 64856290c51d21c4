package io.atrium.subscriptions;

import java.time.Instant;

/**
 * One recorded change of a subscription: a status change, or a change that kept the
 * status (due day, plan, card, reactivation offer) with the same status on both sides.
 *
 * @param from the status before, null for the first
 * @param to the status after
 * @param cause what happened, e.g. {@code CHARGE_DECLINED}, {@code RENEWED}
 * @param actor who did it
 * @param actorAccountId the account of the producer, admin or buyer who did it, null for
 * the system
 * @param detail specifics (a decline reason, the old and new due day…), or null
 * @param at when
 */
public record SubscriptionChange(SubscriptionStatus from, SubscriptionStatus to, String cause, Actor actor,
		Long actorAccountId, String detail, Instant at) {

}
