package io.atrium.accounts.internal;

import io.atrium.accounts.PasswordChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a password change commits, every other session of the account ends, on every
 * instance (sessions live in the database).
 */
@Component
class SessionTermination {

	private static final Logger log = LoggerFactory.getLogger(SessionTermination.class);

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionTermination(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener
	void on(PasswordChanged event) {
		int ended = 0;
		for (String id : this.sessions.findByPrincipalName(event.email()).keySet()) {
			if (!id.equals(event.keepSessionId())) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		log.info("Password of account {} changed: {} other session(s) ended", event.account().value(), ended);
	}

}
