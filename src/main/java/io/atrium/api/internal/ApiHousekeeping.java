package io.atrium.api.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what the API no longer needs: idempotency keys after 24 hours (access tokens
 * are signed, not stored: {@link AccessTokens}). Plain {@code @Scheduled} on every
 * instance rather than a cluster-wide task: the deletes are idempotent, so running them
 * twice costs nothing.
 */
@Component
class ApiHousekeeping {

	private static final Logger log = LoggerFactory.getLogger(ApiHousekeeping.class);

	static final Duration IDEMPOTENCY_KEYS_KEPT = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiHousekeeping(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
	void deleteWhatIsNoLongerNeeded() {
		Instant now = this.clock.instant();
		int keys = this.jdbc.sql("DELETE FROM api_idempotency_keys WHERE created_at < ?")
			.param(CredentialRows.utc(now.minus(IDEMPOTENCY_KEYS_KEPT)))
			.update();
		if (keys > 0) {
			log.info("API housekeeping deleted {} idempotency key(s)", keys);
		}
	}

}
