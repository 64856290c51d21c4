package io.atrium.checkout.web;

import java.util.LinkedHashSet;
import java.util.Set;

import io.atrium.checkout.Purchase;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a browser may see after its checkout: the purchases it made in this session (their
 * result page and sandbox payment page). Admins see every one.
 */
@Component
class PaymentsSession {

	private static final String TRANSACTIONS = PaymentsSession.class.getName() + ".transactions";

	private static final String CHARGES = PaymentsSession.class.getName() + ".charges";

	/**
	 * Creates the session's attributes when the checkout page renders, so that the POSTs
	 * of a double click only update them: Spring Session JDBC inserts a new attribute
	 * with a primary key, and two concurrent requests inserting the same one would fail.
	 */
	void prepare(HttpSession session) {
		if (session.getAttribute(TRANSACTIONS) == null) {
			session.setAttribute(TRANSACTIONS, new LinkedHashSet<String>());
		}
		if (session.getAttribute(CHARGES) == null) {
			session.setAttribute(CHARGES, new LinkedHashSet<String>());
		}
	}

	void remember(HttpSession session, Purchase purchase) {
		add(session, TRANSACTIONS, purchase.transaction());
		if (purchase.payment().chargeId() != null) {
			add(session, CHARGES, purchase.payment().chargeId());
		}
	}

	boolean mayView(HttpSession session, String transaction) {
		return isAdmin() || set(session, TRANSACTIONS).contains(transaction);
	}

	boolean mayPay(HttpSession session, String chargeId) {
		return isAdmin() || set(session, CHARGES).contains(chargeId);
	}

	private static boolean isAdmin() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

	@SuppressWarnings("unchecked")
	private static Set<String> set(HttpSession session, String name) {
		Object value = session.getAttribute(name);
		return (value instanceof Set<?> set) ? (Set<String>) set : Set.of();
	}

	private static void add(HttpSession session, String name, String value) {
		Set<String> values = new LinkedHashSet<>(set(session, name));
		values.add(value);
		// a new set each time, so session stores that persist on setAttribute see it
		session.setAttribute(name, values);
	}

}
