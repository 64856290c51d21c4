package io.atrium.subscriptions.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.atrium.subscriptions.SubscriptionFilter;
import io.atrium.subscriptions.SubscriptionStatus;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of {@code GET /payments/api/v1/subscriptions} (hotmart-api.md
 * §3.1) and their 30-day defaults, read the way clients use them:
 * <ul>
 * <li>accession (start): without {@code accession_date} the window starts 30 days before
 * {@code end_accession_date} (or before now), so a plain call lists the subscriptions of
 * the last 30 days. A call that names a subscriber ({@code subscriber_code},
 * {@code subscriber_email}, {@code transaction}) or asks about cancellations or next
 * charges has no default accession window;</li>
 * <li>cancellation: no window unless one bound is given; {@code end_cancelation_date}
 * alone covers the 30 days before it, {@code cancelation_date} alone runs to now;</li>
 * <li>next charge: no window unless one bound is given; {@code end_date_next_charge}
 * alone covers from now to it, {@code date_next_charge} alone everything from it on.</li>
 * </ul>
 * End bounds are inclusive to the millisecond. {@code cancellation_date} (double L) is
 * read too.
 */
record SubscriptionListParameters(@BindParam("max_results") Integer maxResults,
		@BindParam("page_token") String pageToken, @BindParam("product_id") Long productId, List<String> plan,
		@BindParam("plan_id") Long planId, @BindParam("accession_date") Long accessionDate,
		@BindParam("end_accession_date") Long endAccessionDate, List<String> status,
		@BindParam("subscriber_code") String subscriberCode, @BindParam("subscriber_email") String subscriberEmail,
		String transaction, String trial, @BindParam("cancelation_date") Long cancelationDate,
		@BindParam("end_cancelation_date") Long endCancelationDate,
		@BindParam("cancellation_date") Long cancellationDate,
		@BindParam("end_cancellation_date") Long endCancellationDate,
		@BindParam("date_next_charge") Long dateNextCharge, @BindParam("end_date_next_charge") Long endDateNextCharge) {

	SubscriptionFilter filter(long producerAccountId, Instant now) {
		Set<SubscriptionStatus> statuses = CompatibleParameters.enums("status", this.status, SubscriptionStatus.class);
		Instant[] cancelled = CompatibleParameters.window(
				CompatibleParameters.instant("cancelation_date", first(this.cancelationDate, this.cancellationDate)),
				CompatibleParameters.instant("end_cancelation_date",
						first(this.endCancelationDate, this.endCancellationDate)),
				CompatibleParameters::minus30);
		Instant[] nextCharge = CompatibleParameters.window(
				CompatibleParameters.instant("date_next_charge", this.dateNextCharge),
				CompatibleParameters.instant("end_date_next_charge", this.endDateNextCharge), (end) -> now);
		Instant accessionStart = CompatibleParameters.instant("accession_date", this.accessionDate);
		Instant accessionEnd = CompatibleParameters.instant("end_accession_date", this.endAccessionDate);
		boolean identified = CompatibleParameters.present(this.subscriberCode)
				|| CompatibleParameters.present(this.subscriberEmail) || CompatibleParameters.present(this.transaction);
		boolean otherWindow = cancelled[0] != null || cancelled[1] != null || nextCharge[0] != null
				|| nextCharge[1] != null;
		if (accessionStart == null && accessionEnd == null && !identified && !otherWindow) {
			accessionStart = CompatibleParameters.minus30(now);
		}
		Instant[] accession = CompatibleParameters.window(accessionStart, accessionEnd, CompatibleParameters::minus30);
		Set<String> plans = (this.plan != null && this.plan.stream().anyMatch(CompatibleParameters::present))
				? Set.copyOf(this.plan.stream().filter(CompatibleParameters::present).map(String::strip).toList())
				: null;
		return new SubscriptionFilter(producerAccountId, this.productId, plans, this.planId, accession[0], accession[1],
				statuses, CompatibleParameters.strip(this.subscriberCode),
				CompatibleParameters.strip(this.subscriberEmail), CompatibleParameters.strip(this.transaction),
				CompatibleParameters.bool(this.trial), cancelled[0], cancelled[1], nextCharge[0], nextCharge[1], null);
	}

	int size() {
		return CompatibleParameters.size(this.maxResults);
	}

	private static Long first(Long a, Long b) {
		return (a != null) ? a : b;
	}

}
