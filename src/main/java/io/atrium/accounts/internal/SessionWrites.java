package io.atrium.accounts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The session store every instance shares (Spring Session JDBC), writing only what
 * changed. Spring Session stamps each request's time on the session, so every page a
 * signed-in person opened was an {@code UPDATE} of {@code SPRING_SESSION} and a commit (a
 * disk flush), and a session that did not change still took a connection for an empty
 * transaction. Here the last-access time is written when it moved by at least
 * {@link #PRECISION} (a session of 8 hours may end up to a minute early), and a session
 * with nothing to write is not saved at all. Attributes, a new session id (log-in) and a
 * new session are written as before.
 * <p>
 * It takes the place of Spring Boot's {@code JdbcIndexedSessionRepository} bean as that
 * bean is made ({@link Installer}), so the session filter and the rest of Atrium use it
 * and Spring Boot's session set-up (table, time-out, clean-up of expired sessions) stays
 * as it is; the JDBC repository underneath keeps its queries and its clean-up task, which
 * it stops when the application does.
 */
class SessionWrites implements FindByIndexNameSessionRepository<SessionWrites.StoredSession>, DisposableBean {

	static final Duration PRECISION = Duration.ofMinutes(1);

	private final FindByIndexNameSessionRepository<Session> jdbc;

	private final DisposableBean cleanUp;

	@SuppressWarnings({ "unchecked", "rawtypes" })
	SessionWrites(JdbcIndexedSessionRepository jdbc) {
		// its session type is package-private: sessions pass through as Session
		this.jdbc = (FindByIndexNameSessionRepository) jdbc;
		this.cleanUp = jdbc;
	}

	@Override
	public void destroy() throws Exception {
		this.cleanUp.destroy();
	}

	/**
	 * Puts {@link SessionWrites} in place of the JDBC session repository bean.
	 */
	@Component
	static class Installer implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			return (bean instanceof JdbcIndexedSessionRepository jdbc) ? new SessionWrites(jdbc) : bean;
		}

	}

	@Override
	public StoredSession createSession() {
		return new StoredSession(this.jdbc.createSession(), true);
	}

	@Override
	public void save(StoredSession session) {
		if (session.dirty) {
			this.jdbc.save(session.stored);
			session.dirty = false;
		}
	}

	@Override
	public StoredSession findById(String id) {
		Session found = this.jdbc.findById(id);
		return (found != null) ? new StoredSession(found, false) : null;
	}

	@Override
	public void deleteById(String id) {
		this.jdbc.deleteById(id);
	}

	@Override
	public Map<String, StoredSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, StoredSession> sessions = new LinkedHashMap<>();
		this.jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> sessions.put(id, new StoredSession(session, false)));
		return sessions;
	}

	/**
	 * A stored session that knows whether it has anything to write.
	 */
	static final class StoredSession implements Session {

		private final Session stored;

		private boolean dirty;

		StoredSession(Session stored, boolean dirty) {
			this.stored = stored;
			this.dirty = dirty;
		}

		@Override
		public String getId() {
			return this.stored.getId();
		}

		@Override
		public String changeSessionId() {
			this.dirty = true;
			return this.stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return this.stored.getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.dirty = true;
			this.stored.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.dirty = true;
			this.stored.removeAttribute(name);
		}

		@Override
		public Instant getCreationTime() {
			return this.stored.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (Duration.between(this.stored.getLastAccessedTime(), lastAccessedTime).compareTo(PRECISION) >= 0) {
				this.dirty = true;
				this.stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.stored.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.dirty = true;
			this.stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.stored.isExpired();
		}

	}

}
