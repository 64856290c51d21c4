package io.atrium.subscriptions;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.atrium.accounts.ProducerTimeZones;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A producer's subscription numbers now (active subscribers, MRR per currency, churn and
 * recoveries over the last {@link SubscriptionMetrics#WINDOW}, the last twelve months),
 * as {@link SubscriptionMetrics} computes them; for the metrics page and the dashboard.
 * Two queries in one read-only transaction.
 */
@Service
public class SubscriptionFigures {

	private final Subscriptions subscriptions;

	private final ProducerTimeZones zones;

	private final Clock clock;

	SubscriptionFigures(Subscriptions subscriptions, ProducerTimeZones zones, Clock clock) {
		this.subscriptions = subscriptions;
		this.zones = zones;
		this.clock = clock;
	}

	/**
	 * @param producerAccountId the producer
	 * @return the numbers, months ending in the producer's zone
	 */
	@Transactional(readOnly = true)
	public SubscriptionMetrics.Numbers numbers(long producerAccountId) {
		ZoneId zone = this.zones.of(producerAccountId);
		Map<Long, List<SubscriptionChange>> histories = this.subscriptions.historiesOfProducer(producerAccountId);
		List<SubscriptionMetrics.Sub> subs = this.subscriptions.ofProducer(producerAccountId)
			.stream()
			.map((s) -> new SubscriptionMetrics.Sub(s.id(), s.status(), s.plan().price(), s.plan().period(),
					s.trialEndsAt(), s.inTrial(), histories.getOrDefault(s.id(), List.of())))
			.toList();
		return SubscriptionMetrics.compute(subs, this.clock.instant(), zone);
	}

}
