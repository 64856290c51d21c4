package io.atrium.events.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atrium.events.*}: how incomplete event publications are retried and how long
 * completed ones are kept.
 *
 * @param resubmitEvery how often the resubmission task looks for incomplete publications
 * @param firstRetryAfter how old a publication must be before it is resubmitted the first
 * time, and the first wait of the backoff
 * @param maxRetryInterval the longest wait between two resubmissions of one publication
 * @param keepCompleted how long completed publications stay in the table
 */
@ConfigurationProperties("atrium.events")
public record EventSettings(@DefaultValue("30s") Duration resubmitEvery, @DefaultValue("1m") Duration firstRetryAfter,
		@DefaultValue("1h") Duration maxRetryInterval, @DefaultValue("7d") Duration keepCompleted) {

	/**
	 * @return the backoff these settings describe
	 */
	public RetryBackoff backoff() {
		return new RetryBackoff(this.firstRetryAfter, this.maxRetryInterval);
	}

}
