package io.atrium.sales.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.atrium.checkout.MoneyText;
import io.atrium.checkout.SalesQuery;

/**
 * The sales-over-time chart, drawn on the server as SVG: one bar per day with the number
 * of paid sales, and the same figures (with the amounts per currency) as table rows for a
 * screen reader or anyone who prefers numbers.
 *
 * @param width the view box width
 * @param height the view box height
 * @param baseline the y of the horizontal axis
 * @param max the highest daily count (the top of the scale)
 * @param bars the bars, oldest first
 * @param days every day of the range with its figures, oldest first
 */
record SalesChart(int width, int height, int baseline, long max, List<Bar> bars, List<Day> days) {

	static final int HEIGHT = 200;

	static final int TOP = 10;

	static final int BOTTOM = 20;

	static SalesChart of(LocalDate from, LocalDate to, List<SalesQuery.DailySales> daily, Locale locale) {
		Map<LocalDate, List<SalesQuery.DailySales>> byDay = daily.stream()
			.collect(Collectors.groupingBy(SalesQuery.DailySales::day, LinkedHashMap::new, Collectors.toList()));
		int count = (int) ChronoUnit.DAYS.between(from, to) + 1;
		int step = (count <= 31) ? 20 : (count <= 92) ? 8 : 3;
		int width = Math.max(200, count * step);
		int baseline = HEIGHT - BOTTOM;
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		List<Day> days = new ArrayList<>();
		long max = 0;
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			List<SalesQuery.DailySales> sales = byDay.getOrDefault(day, List.of());
			long sold = sales.stream().mapToLong(SalesQuery.DailySales::count).sum();
			String amounts = sales.stream()
				.map((s) -> MoneyText.format(s.sum(), locale))
				.collect(Collectors.joining(" · "));
			days.add(new Day(day.toString(), format.format(day), sold, amounts));
			max = Math.max(max, sold);
		}
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			Day day = days.get(i);
			int h = (max == 0) ? 0 : (int) Math.round((double) day.count() * (baseline - TOP) / max);
			bars.add(new Bar(i * step + 1, baseline - h, Math.max(1, step - 2), h, day));
		}
		return new SalesChart(width, HEIGHT, baseline, max, bars, days);
	}

	/**
	 * One day's bar.
	 */
	record Bar(int x, int y, int width, int height, Day day) {

	}

	/**
	 * One day's figures.
	 *
	 * @param iso the date, ISO
	 * @param label the date in the reader's language
	 * @param count paid sales that day
	 * @param amounts their sums per currency, formatted
	 */
	record Day(String iso, String label, long count, String amounts) {

	}

}
