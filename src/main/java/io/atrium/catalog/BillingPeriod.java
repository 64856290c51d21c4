package io.atrium.catalog;

/**
 * How often a recurring offer charges, with the interval in days that the compatible API
 * calls {@code recurrency_period} / {@code interval_between_charges}.
 */
public enum BillingPeriod {

	/** Every 7 days. */
	WEEKLY(7),

	/** Every 30 days. */
	MONTHLY(30),

	/** Every 60 days. */
	BIMONTHLY(60),

	/** Every 90 days. */
	QUARTERLY(90),

	/** Every 180 days. */
	BIANNUAL(180),

	/** Every 360 days. */
	ANNUAL(360);

	private final int intervalDays;

	BillingPeriod(int intervalDays) {
		this.intervalDays = intervalDays;
	}

	/**
	 * @return days between two charges
	 */
	public int intervalDays() {
		return this.intervalDays;
	}

}
