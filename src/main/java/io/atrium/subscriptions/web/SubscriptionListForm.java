package io.atrium.subscriptions.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.atrium.platform.InputLimits;
import io.atrium.subscriptions.SubscriptionFilter;
import io.atrium.subscriptions.SubscriptionStatus;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The filters of the producer's subscriptions list, named as the compatible API's list
 * (hotmart-api.md §3.1) so the page and the API read alike: a product, a plan, statuses
 * (repeated or comma-joined), trial or not, and three day ranges (accession, next charge,
 * cancellation; inclusive days in the producer's time zone, typed as {@code yyyy-mm-dd}),
 * plus a free-text search over the subscriber's name, e-mail and subscriber code, and
 * {@code max_results} per page (50 by default, at most 100). Unlike the API, no window
 * applies by default. Unreadable values are ignored.
 */
record SubscriptionListForm(@BindParam("product_id") String product, @BindParam("plan_id") String plan,
		List<String> status, String trial, @BindParam("accession_date") String accessionDate,
		@BindParam("end_accession_date") String endAccessionDate, @BindParam("date_next_charge") String dateNextCharge,
		@BindParam("end_date_next_charge") String endDateNextCharge,
		@BindParam("cancelation_date") String cancelationDate,
		@BindParam("end_cancelation_date") String endCancelationDate, String q,
		@BindParam("max_results") String maxResults, @BindParam("page_token") String pageToken) {

	/** The longest free-text search kept. */
	static final int MAX_TEXT = 100;

	/** Subscriptions per page unless {@code max_results} asks for another number. */
	static final int PAGE_SIZE = 50;

	/** The most subscriptions one page shows. */
	static final int MAX_PAGE_SIZE = 100;

	int pageSize() {
		Long size = number(this.maxResults);
		return (size == null || size < 1) ? PAGE_SIZE : (int) Math.min(size, MAX_PAGE_SIZE);
	}

	Long productId() {
		return number(this.product);
	}

	Long planId() {
		return number(this.plan);
	}

	Set<SubscriptionStatus> statuses() {
		Set<SubscriptionStatus> found = EnumSet.noneOf(SubscriptionStatus.class);
		if (this.status != null) {
			for (String value : this.status) {
				for (String part : (value != null) ? value.split(",") : new String[0]) {
					try {
						found.add(SubscriptionStatus.valueOf(part.strip().toUpperCase(Locale.ROOT)));
					}
					catch (IllegalArgumentException ex) {
						// an unknown status is ignored, like any unreadable filter
					}
				}
			}
		}
		return found;
	}

	Boolean trialValue() {
		return ("true".equalsIgnoreCase(strip(this.trial))) ? Boolean.TRUE
				: ("false".equalsIgnoreCase(strip(this.trial))) ? Boolean.FALSE : null;
	}

	String text() {
		String text = strip(this.q);
		if (text == null || InputLimits.hasControlCharacters(text)) {
			return null;
		}
		return (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text;
	}

	/**
	 * @param producerAccountId the producer
	 * @param zone the producer's zone
	 * @return the filter, with each day range from the start of its first day to the
	 * start of the day after its last
	 */
	SubscriptionFilter toFilter(long producerAccountId, ZoneId zone) {
		Set<SubscriptionStatus> only = statuses();
		return new SubscriptionFilter(producerAccountId, productId(), null, planId(), from(this.accessionDate, zone),
				until(this.endAccessionDate, zone), only.isEmpty() ? null : only, null, null, null, trialValue(),
				from(this.cancelationDate, zone), until(this.endCancelationDate, zone), from(this.dateNextCharge, zone),
				until(this.endDateNextCharge, zone), text());
	}

	/**
	 * @return the filters as query parameters for the paging links (empty ones left out)
	 */
	Map<String, Object> parameters() {
		Map<String, Object> p = new LinkedHashMap<>();
		put(p, "product_id", productId());
		put(p, "plan_id", planId());
		if (!statuses().isEmpty()) {
			p.put("status", statuses().stream().map(Enum::name).toList());
		}
		put(p, "trial", (trialValue() != null) ? trialValue().toString() : null);
		put(p, "accession_date", day(this.accessionDate));
		put(p, "end_accession_date", day(this.endAccessionDate));
		put(p, "date_next_charge", day(this.dateNextCharge));
		put(p, "end_date_next_charge", day(this.endDateNextCharge));
		put(p, "cancelation_date", day(this.cancelationDate));
		put(p, "end_cancelation_date", day(this.endCancelationDate));
		put(p, "q", text());
		if (pageSize() != PAGE_SIZE) {
			p.put("max_results", pageSize());
		}
		return p;
	}

	/**
	 * @param text a day as typed
	 * @return the day as it goes back into a date field, or empty when unreadable
	 */
	static String day(String text) {
		LocalDate day = parse(text);
		return (day != null) ? day.toString() : "";
	}

	private static void put(Map<String, Object> p, String name, Object value) {
		if (value != null && !value.toString().isEmpty()) {
			p.put(name, value);
		}
	}

	private static Instant from(String text, ZoneId zone) {
		LocalDate day = parse(text);
		return (day != null) ? day.atStartOfDay(zone).toInstant() : null;
	}

	private static Instant until(String text, ZoneId zone) {
		LocalDate day = parse(text);
		return (day != null) ? day.plusDays(1).atStartOfDay(zone).toInstant() : null;
	}

	private static LocalDate parse(String text) {
		return (text == null || text.isBlank()) ? null : InputLimits.day(text.strip()).orElse(null);
	}

	private static Long number(String text) {
		String digits = strip(text);
		return (digits != null && digits.matches("\\d{1,18}")) ? Long.valueOf(digits) : null;
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
