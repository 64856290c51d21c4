package io.atrium.subscriptions;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.atrium.checkout.DeclineReason;
import io.atrium.checkout.HistoricalPurchases.Decline;
import io.atrium.checkout.TransactionCodes;

/**
 * Takes a subscription from its start to now the way the renewal run, the dunning and the
 * people of an {@link ImportedSubscription} would have: every move goes through the
 * aggregate at the instant it happened, so the result (status, dates, unpaid count,
 * history) is what Atrium itself would hold. Collects the charges to record. Pure: no
 * Spring, no database.
 */
final class SubscriptionReplay {

	/** More moves than any real history has: a sign of a loop. */
	private static final int MAX_MOVES = 10_000;

	private final Subscription subscription;

	private final ImportedSubscription imported;

	private final DunningSchedule dunning;

	private final Instant now;

	private final Map<Integer, ReplayedCharge> charges = new TreeMap<>();

	SubscriptionReplay(Subscription subscription, ImportedSubscription imported, DunningSchedule dunning, Instant now) {
		this.subscription = subscription;
		this.imported = imported;
		this.dunning = dunning;
		this.now = now;
	}

	/**
	 * Replays everything due and done up to now.
	 * @return the charges made after the first purchase, by recurrence
	 * @throws IllegalArgumentException when an action is not allowed at its time
	 */
	List<ReplayedCharge> run() {
		Deque<ImportedSubscription.Action> actions = new ArrayDeque<>(this.imported.actions());
		for (int moves = 0; moves < MAX_MOVES; moves++) {
			Instant due = this.subscription.nextAttemptAt();
			boolean dueNow = due != null && !due.isAfter(this.now);
			ImportedSubscription.Action action = actions.peek();
			if (action != null && (!dueNow || action.at().isBefore(due))) {
				actions.poll();
				try {
					apply(action);
				}
				catch (SubscriptionRefused ex) {
					throw new IllegalArgumentException("Cannot " + action + ": " + ex.getMessage(), ex);
				}
				continue;
			}
			if (!dueNow || !step(due)) {
				return new ArrayList<>(this.charges.values());
			}
		}
		throw new IllegalStateException("Subscription " + this.subscription.code() + " did not settle by " + this.now);
	}

	private boolean step(Instant at) {
		Subscription s = this.subscription;
		switch (s.due(at, this.dunning)) {
			case CHARGE -> attempt(at);
			case GO_OVERDUE -> s.goOverdue(at, this.dunning);
			case COUNT_UNPAID -> {
				s.countUnpaid(at, this.dunning);
				if (s.status().cancelled()) {
					dropUnpaid(at);
				}
			}
			case COMPLETE -> s.complete(at, this.dunning);
			case NOTHING -> {
				return false;
			}
		}
		return true;
	}

	private void attempt(Instant at) {
		Subscription s = this.subscription;
		int recurrence = s.currentRecurrence() + 1;
		ReplayedCharge charge = charge(recurrence, at);
		List<DeclineReason> refusals = this.imported.declines().getOrDefault(recurrence, List.of());
		int attempt = charge.declines().size();
		charge.card = s.card();
		if (attempt < refusals.size()) {
			DeclineReason reason = refusals.get(attempt);
			charge.declines().add(new Decline(reason, at));
			s.declined(reason, at, this.dunning);
		}
		else {
			charge.paidAt = at;
			s.paid(recurrence, charge.transaction(), Actor.SYSTEM, at, this.dunning);
		}
	}

	private void apply(ImportedSubscription.Action action) {
		Subscription s = this.subscription;
		Instant at = action.at();
		if (action instanceof ImportedSubscription.Cancel cancel) {
			s.cancel(cancel.actor(), (cancel.actor() == Actor.BUYER) ? s.subscriber().accountId() : null, at,
					this.dunning);
			dropUnpaid(at);
		}
		else if (action instanceof ImportedSubscription.Pay pay) {
			pay(pay.newCard(), at);
		}
		else {
			reactivate(at);
		}
	}

	private void pay(PaymentCard newCard, Instant at) {
		Subscription s = this.subscription;
		if (s.unpaidCount() == 0 || !s.status().billable()) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.NOT_ACTIVE,
					"Subscription " + s.code() + " is " + s.status() + " with nothing unpaid.");
		}
		if (newCard != null) {
			s.updateCard(newCard, at, this.dunning);
		}
		while (s.unpaidCount() > 0 && s.status().billable()) {
			int recurrence = s.currentRecurrence() + 1;
			ReplayedCharge charge = charge(recurrence, at);
			charge.card = s.card();
			charge.paidAt = at;
			s.paid(recurrence, charge.transaction(), Actor.BUYER, at, this.dunning);
		}
	}

	private void reactivate(Instant at) {
		Subscription s = this.subscription;
		s.checkReactivatable();
		if (s.status() == SubscriptionStatus.OVERDUE) {
			pay(null, at);
			return;
		}
		Long buyer = s.subscriber().accountId();
		if (s.accessUntil() != null && at.isBefore(s.accessUntil())) {
			s.reactivate(null, null, Actor.BUYER, buyer, at, this.dunning);
			return;
		}
		int recurrence = s.currentRecurrence() + s.unpaidCount() + 1;
		ReplayedCharge charge = charge(recurrence, at);
		charge.card = s.card();
		charge.paidAt = at;
		s.reactivate(recurrence, charge.transaction(), Actor.BUYER, buyer, at, this.dunning);
	}

	private void dropUnpaid(Instant at) {
		for (ReplayedCharge charge : this.charges.values()) {
			if (charge.paidAt == null && charge.droppedAt == null) {
				charge.droppedAt = at;
			}
		}
	}

	private ReplayedCharge charge(int recurrence, Instant at) {
		return this.charges.computeIfAbsent(recurrence,
				(r) -> new ReplayedCharge(r, TransactionCodes.next(), at, new ArrayList<>()));
	}

	/**
	 * A recurrence charged during the replay.
	 */
	static final class ReplayedCharge {

		private final int recurrence;

		private final String transaction;

		private final Instant firstAttemptAt;

		private final List<Decline> declines;

		private PaymentCard card;

		private Instant paidAt;

		private Instant droppedAt;

		ReplayedCharge(int recurrence, String transaction, Instant firstAttemptAt, List<Decline> declines) {
			this.recurrence = recurrence;
			this.transaction = transaction;
			this.firstAttemptAt = firstAttemptAt;
			this.declines = declines;
		}

		int recurrence() {
			return this.recurrence;
		}

		String transaction() {
			return this.transaction;
		}

		Instant firstAttemptAt() {
			return this.firstAttemptAt;
		}

		List<Decline> declines() {
			return this.declines;
		}

		PaymentCard card() {
			return this.card;
		}

		Instant paidAt() {
			return this.paidAt;
		}

		Instant droppedAt() {
			return this.droppedAt;
		}

	}

}
