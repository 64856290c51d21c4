package io.atrium.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * E-mail metrics. The gauge {@code atrium.mail.outbox{status}} counts the outbox rows in
 * each status (shared by every instance, read from the database at most every 10
 * seconds); the counters {@code atrium.mail.delivered{channel=smtp|mailbox}},
 * {@code atrium.mail.attempt.failures} and {@code atrium.mail.failed} count what this
 * instance did.
 */
@Component
class OutboxMetrics {

	private static final Logger logger = LoggerFactory.getLogger(OutboxMetrics.class);

	private static final Duration REFRESH = Duration.ofSeconds(10);

	private final OutboxRepository outbox;

	private final Clock clock;

	private final Counter sentBySmtp;

	private final Counter sentToMailbox;

	private final Counter attemptFailures;

	private final Counter failed;

	private volatile Map<OutboxStatus, Long> counts;

	private volatile Instant countedAt = Instant.MIN;

	OutboxMetrics(OutboxRepository outbox, Clock clock, MeterRegistry registry) {
		this.outbox = outbox;
		this.clock = clock;
		for (OutboxStatus status : OutboxStatus.values()) {
			Gauge.builder("atrium.mail.outbox", this, (m) -> m.count(status))
				.tag("status", status.name().toLowerCase(Locale.ROOT))
				.description("E-mails in the outbox by status")
				.register(registry);
		}
		this.sentBySmtp = delivered(registry, "smtp");
		this.sentToMailbox = delivered(registry, "mailbox");
		this.attemptFailures = Counter.builder("atrium.mail.attempt.failures")
			.description("Delivery attempts the SMTP server did not accept")
			.register(registry);
		this.failed = Counter.builder("atrium.mail.failed")
			.description("E-mails given up after every retry")
			.register(registry);
	}

	private static Counter delivered(MeterRegistry registry, String channel) {
		return Counter.builder("atrium.mail.delivered")
			.tag("channel", channel)
			.description("E-mails delivered")
			.register(registry);
	}

	void delivered(OutboxStatus status) {
		((status == OutboxStatus.MAILBOX) ? this.sentToMailbox : this.sentBySmtp).increment();
	}

	void attemptFailed() {
		this.attemptFailures.increment();
	}

	void failed() {
		this.failed.increment();
	}

	private double count(OutboxStatus status) {
		Instant now = this.clock.instant();
		if (this.counts == null || !now.isBefore(this.countedAt.plus(REFRESH)) || now.isBefore(this.countedAt)) {
			try {
				this.counts = this.outbox.countByStatus();
				this.countedAt = now;
			}
			catch (DataAccessException ex) {
				logger.debug("Cannot count the outbox", ex);
				return Double.NaN;
			}
		}
		return this.counts.getOrDefault(status, 0L);
	}

}
