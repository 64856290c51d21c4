package io.atrium.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.atrium.events.internal.EventSettings;
import io.atrium.events.internal.PublicationRows;
import io.atrium.events.internal.RetryBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Service;

/**
 * Event publications whose listener has not succeeded yet, and what is done about them:
 * {@link #resubmitDue()} and {@link #deleteCompleted()} run on a cluster-safe
 * db-scheduler schedule; {@link #retryNow(UUID)} is the admin's "retry now".
 * <p>
 * A resubmission claims the publication in the table (the registry marks it
 * {@code RESUBMITTED} only when it is not already), so two instances never run the same
 * publication at once; the listeners are idempotent all the same.
 */
@Service
public class StuckPublications {

	private static final Logger log = LoggerFactory.getLogger(StuckPublications.class);

	/** The most publications a page lists. */
	public static final int PAGE_LIMIT = 200;

	private final PublicationRows rows;

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final EventSettings settings;

	private final RetryBackoff backoff;

	private final Clock clock;

	StuckPublications(PublicationRows rows, IncompleteEventPublications incomplete,
			CompletedEventPublications completed, EventSettings settings, Clock clock) {
		this.rows = rows;
		this.incomplete = incomplete;
		this.completed = completed;
		this.settings = settings;
		this.backoff = settings.backoff();
		this.clock = clock;
	}

	/**
	 * @param olderThan how long ago they must have been published
	 * @return every incomplete publication older than that, oldest first (at most
	 * {@link #PAGE_LIMIT})
	 */
	public List<StuckPublication> all(Duration olderThan) {
		return this.rows.incompleteBefore(this.clock.instant().minus(olderThan), PAGE_LIMIT);
	}

	/**
	 * @param producerAccountId a producer
	 * @param olderThan how long ago they must have been published
	 * @return the incomplete publications older than that about the producer's business
	 */
	public List<StuckPublication> ofProducer(long producerAccountId, Duration olderThan) {
		return this.rows.incompleteBefore(this.clock.instant().minus(olderThan), 10 * PAGE_LIMIT)
			.stream()
			.filter((p) -> p.producerAccountId() != null && p.producerAccountId() == producerAccountId)
			.limit(PAGE_LIMIT)
			.toList();
	}

	/**
	 * Resubmits one incomplete publication now, whatever its backoff says. Its listener
	 * runs asynchronously.
	 * @param id the publication
	 * @return false when it is complete or unknown (nothing to retry)
	 */
	public boolean retryNow(UUID id) {
		if (this.rows.incomplete(id).isEmpty()) {
			return false;
		}
		log.info("Resubmitting event publication {} on request", id);
		this.incomplete.resubmitIncompletePublications((p) -> p.getIdentifier().equals(id));
		return true;
	}

	/**
	 * Resubmits the incomplete publications whose backoff says they are due (see
	 * {@link RetryBackoff}); their listeners run asynchronously.
	 */
	public void resubmitDue() {
		this.incomplete.resubmitIncompletePublications((p) -> this.backoff.due(p.getPublicationDate(),
				p.getLastResubmissionDate(), p.getCompletionAttempts(), this.clock.instant()));
	}

	/**
	 * Deletes completed publications older than the retention period
	 * ({@code atrium.events.keep-completed}).
	 */
	public void deleteCompleted() {
		this.completed.deletePublicationsOlderThan(this.settings.keepCompleted());
	}

}
