package io.atrium.subscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.atrium.checkout.Buyer;
import io.atrium.checkout.DeclineReason;

/**
 * A subscription that began in the past, to import with
 * {@link HistoricalSubscriptions#record}: who bought which plan when, on which card, how
 * its charges went and what the subscriber, the producer or an admin did since. Build it
 * with {@link #of} and the {@code with…} methods.
 *
 * @param offerCode the plan (a recurring offer)
 * @param buyerAccountId the subscriber's account
 * @param buyer the subscriber as at checkout
 * @param card the card stored at the start (a gateway token), or null
 * @param startedAt when the first purchase was approved
 * @param declines for a recurrence, the reasons its attempts were refused with, in order;
 * the attempt after the last one is approved (a recurrence absent here is paid at once)
 * @param actions what people did, in time order
 */
public record ImportedSubscription(String offerCode, long buyerAccountId, Buyer buyer, PaymentCard card,
		Instant startedAt, Map<Integer, List<DeclineReason>> declines, List<Action> actions) {

	public ImportedSubscription {
		declines = Map.copyOf(declines);
		actions = List.copyOf(actions);
	}

	/**
	 * A subscription whose every charge is paid on its due date, and nobody did anything.
	 * @param offerCode the plan
	 * @param buyerAccountId the subscriber's account
	 * @param buyer the subscriber
	 * @param card the stored card, or null
	 * @param startedAt when it started
	 * @return the subscription to import
	 */
	public static ImportedSubscription of(String offerCode, long buyerAccountId, Buyer buyer, PaymentCard card,
			Instant startedAt) {
		return new ImportedSubscription(offerCode, buyerAccountId, buyer, card, startedAt, Map.of(), List.of());
	}

	/**
	 * @param recurrence a recurrence
	 * @param reasons why its attempts were refused, in order (five soft declines, or one
	 * hard decline, leave it unpaid with the default dunning)
	 * @return this subscription with those refusals
	 */
	public ImportedSubscription withDeclines(int recurrence, DeclineReason... reasons) {
		Map<Integer, List<DeclineReason>> all = new HashMap<>(this.declines);
		all.put(recurrence, Arrays.asList(reasons));
		return new ImportedSubscription(this.offerCode, this.buyerAccountId, this.buyer, this.card, this.startedAt, all,
				this.actions);
	}

	/**
	 * @param action something done later than the actions already given
	 * @return this subscription with the action
	 */
	public ImportedSubscription with(Action action) {
		List<Action> all = new ArrayList<>(this.actions);
		all.add(action);
		return new ImportedSubscription(this.offerCode, this.buyerAccountId, this.buyer, this.card, this.startedAt,
				this.declines, all);
	}

	/** Something a person did to the subscription. */
	public sealed interface Action permits Cancel, Reactivate, Pay {

		/**
		 * @return when
		 */
		Instant at();

	}

	/**
	 * Cancelled by the subscriber, the producer or an admin.
	 *
	 * @param actor who
	 * @param at when
	 */
	public record Cancel(Actor actor, Instant at) implements Action {
	}

	/**
	 * The subscriber reactivated it, as on My subscriptions: within the paid period the
	 * cancellation is undone, after it a recurrence is charged and paid; an overdue one
	 * is paid.
	 *
	 * @param at when
	 */
	public record Reactivate(Instant at) implements Action {
	}

	/**
	 * The subscriber paid what was unpaid, on a new card or the stored one.
	 *
	 * @param newCard the card typed (stored for the next charges), or null
	 * @param at when
	 */
	public record Pay(PaymentCard newCard, Instant at) implements Action {
	}

}
