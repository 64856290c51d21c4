package io.atrium.club;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener (scanned from the test classpath) keeping the members-area events it
 * observes, so tests can assert them.
 */
@Component
class RecordedStudentEvents {

	static final List<Object> EVENTS = new CopyOnWriteArrayList<>();

	@EventListener
	void firstAccess(ClubFirstAccess event) {
		EVENTS.add(event);
	}

	@EventListener
	void moduleCompleted(ClubModuleCompleted event) {
		EVENTS.add(event);
	}

	static List<ClubFirstAccess> firstAccesses(long accountId, long productId) {
		return EVENTS.stream()
			.filter((e) -> e instanceof ClubFirstAccess f && f.accountId() == accountId && f.productId() == productId)
			.map(ClubFirstAccess.class::cast)
			.toList();
	}

	static List<ClubModuleCompleted> completions(long accountId, long productId) {
		return EVENTS.stream()
			.filter((e) -> e instanceof ClubModuleCompleted c && c.accountId() == accountId
					&& c.productId() == productId)
			.map(ClubModuleCompleted.class::cast)
			.toList();
	}

}
