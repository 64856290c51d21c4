package io.atrium.club.web.student;

import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

/**
 * The pages whose password the student typed in this session. Sessions are stored in the
 * database (Spring Session JDBC), so the set is a plain serializable {@link HashSet}, and
 * it is set again after every change so the change is saved.
 */
final class UnlockedPages {

	static final String ATTRIBUTE = "io.atrium.club.unlockedPages";

	private UnlockedPages() {
	}

	@SuppressWarnings("unchecked")
	static Set<Long> of(HttpSession session) {
		Object value = (session != null) ? session.getAttribute(ATTRIBUTE) : null;
		return (value instanceof Set<?> set) ? Set.copyOf((Set<Long>) set) : Set.of();
	}

	static void add(HttpSession session, long pageId) {
		HashSet<Long> pages = new HashSet<>(of(session));
		pages.add(pageId);
		session.setAttribute(ATTRIBUTE, pages);
	}

}
