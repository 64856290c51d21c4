package io.atrium.checkout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener (scanned from the test classpath) keeping the refund and chargeback
 * events it observes, so integration tests can assert them without another context.
 */
@Component
class RecordedPurchaseEvents {

	static final List<Object> EVENTS = new CopyOnWriteArrayList<>();

	@EventListener
	void refunded(PurchaseRefunded event) {
		EVENTS.add(event);
	}

	@EventListener
	void chargedBack(PurchaseChargedBack event) {
		EVENTS.add(event);
	}

	static List<Object> about(String transaction) {
		return EVENTS.stream()
			.filter((e) -> (e instanceof PurchaseRefunded r && r.transaction().equals(transaction))
					|| (e instanceof PurchaseChargedBack c && c.transaction().equals(transaction)))
			.toList();
	}

}
