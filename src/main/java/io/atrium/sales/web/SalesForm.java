package io.atrium.sales.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.atrium.platform.InputLimits;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.SalesFilter;

/**
 * The filters of the sales page and its CSV: a date range (inclusive days in the
 * platform's time zone, the last 30 days by default), a product, a status ({@code PAID}
 * for approved and complete together), an offer code and part of the buyer's name or
 * e-mail. Unreadable values are ignored.
 */
record SalesForm(String from, String to, Long product, String status, String offer, String buyer, Integer page) {

	/** The {@code status} value that means approved or complete. */
	static final String PAID_STATUS = "PAID";

	static final int DEFAULT_DAYS = 30;

	/** The longest range the chart draws day by day. */
	static final int MAX_DAYS = 366;

	static final Set<PurchaseStatus> PAID = EnumSet.of(PurchaseStatus.APPROVED, PurchaseStatus.COMPLETE);

	LocalDate toDay(Clock clock, ZoneId zone) {
		LocalDate day = date(this.to);
		return (day != null) ? day : LocalDate.now(clock.withZone(zone));
	}

	LocalDate fromDay(Clock clock, ZoneId zone) {
		LocalDate to = toDay(clock, zone);
		LocalDate day = date(this.from);
		if (day == null || day.isAfter(to)) {
			day = to.minusDays(DEFAULT_DAYS - 1);
		}
		return day.isBefore(to.minusDays(MAX_DAYS - 1)) ? to.minusDays(MAX_DAYS - 1) : day;
	}

	PurchaseStatus statusValue() {
		if (this.status == null || this.status.isBlank()) {
			return null;
		}
		try {
			return PurchaseStatus.valueOf(this.status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * @return the status filter as shown in the form: a status name,
	 * {@link #PAID_STATUS}, or empty for every status
	 */
	String statusText() {
		if (isPaid()) {
			return PAID_STATUS;
		}
		return (statusValue() != null) ? statusValue().name() : "";
	}

	/**
	 * @return the offer code filter, or null
	 */
	public String offerCode() {
		return (this.offer == null || this.offer.isBlank()) ? null : this.offer.strip();
	}

	private boolean isPaid() {
		return this.status != null && PAID_STATUS.equalsIgnoreCase(this.status.strip());
	}

	int pageNumber() {
		return (this.page == null || this.page < 1) ? 1 : this.page;
	}

	SalesFilter toFilter(long producerAccountId, Clock clock, ZoneId zone) {
		PurchaseStatus only = statusValue();
		Set<PurchaseStatus> statuses = isPaid() ? PAID : (only != null) ? Set.of(only) : null;
		return new SalesFilter(producerAccountId, fromDay(clock, zone).atStartOfDay(zone).toInstant(),
				toDay(clock, zone).plusDays(1).atStartOfDay(zone).toInstant(), this.product, statuses, null, null,
				this.buyer, null, offerCode(), null);
	}

	private static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return InputLimits.day(text).orElse(null);
	}

}
