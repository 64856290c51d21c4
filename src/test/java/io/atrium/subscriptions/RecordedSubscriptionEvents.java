package io.atrium.subscriptions;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Test-only listener (scanned from the test classpath) keeping the subscription events
 * that were committed, so integration tests assert what the members area, the e-mails and
 * the webhooks are told. Runs right after the commit, in the committing thread.
 */
@Component
class RecordedSubscriptionEvents {

	static final List<Object> EVENTS = new CopyOnWriteArrayList<>();

	@TransactionalEventListener(fallbackExecution = true)
	void access(SubscriptionAccessChanged event) {
		EVENTS.add(event);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void started(SubscriptionEvents.Started event) {
		EVENTS.add(event);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void charged(SubscriptionEvents.Charged event) {
		EVENTS.add(event);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void failed(SubscriptionEvents.ChargeFailed event) {
		EVENTS.add(event);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void overdue(SubscriptionEvents.WentOverdue event) {
		EVENTS.add(event);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void cancelled(SubscriptionEvents.Cancelled event) {
		EVENTS.add(event);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void offered(SubscriptionEvents.ReactivationOffered event) {
		EVENTS.add(event);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void reactivated(SubscriptionEvents.Reactivated event) {
		EVENTS.add(event);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void dueDay(SubscriptionEvents.ChargeDateChanged event) {
		EVENTS.add(event);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void switched(SubscriptionEvents.PlanSwitched event) {
		EVENTS.add(event);
	}

	/**
	 * @param s a subscription
	 * @param type an event type
	 * @return the events of that type about it, in the order they were committed
	 */
	static <T> List<T> of(Subscription s, Class<T> type) {
		return EVENTS.stream().filter(type::isInstance).map(type::cast).filter((e) -> about(e, s)).toList();
	}

	/**
	 * @param s a subscription
	 * @return the access it gives now, as the members area was last told (the highest
	 * version)
	 */
	static Optional<SubscriptionAccessChanged> access(Subscription s) {
		return of(s, SubscriptionAccessChanged.class).stream()
			.max(Comparator.comparingLong(SubscriptionAccessChanged::version));
	}

	/**
	 * Whether an event is about the subscription: by id and code, since the test JVM runs
	 * several databases whose ids repeat.
	 */
	private static boolean about(Object event, Subscription s) {
		if (event instanceof SubscriptionAccessChanged access) {
			return access.subscriptionId() == s.id() && access.subscriberCode().equals(s.code());
		}
		try {
			// every lifecycle event names its subscription with subscription()
			SubscriptionRef ref = (SubscriptionRef) event.getClass().getMethod("subscription").invoke(event);
			return ref.subscriptionId() == s.id() && ref.subscriberCode().equals(s.code());
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

}
