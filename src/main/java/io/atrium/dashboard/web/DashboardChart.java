package io.atrium.dashboard.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.atrium.checkout.MoneyText;
import io.atrium.checkout.SalesFigures;
import io.atrium.dashboard.DashboardPeriod;
import io.atrium.shared.Money;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;

/**
 * One currency's revenue and paid sales over the period, by hour (today) or by day: the
 * JSON that {@code dashboard.js} draws with Chart.js, a sentence that sums it up for a
 * screen reader (the canvas's label) and the same figures as table rows.
 *
 * @param currency the currency code
 * @param json the chart's data
 * @param summary the chart summed up in one sentence
 * @param rows every bucket with its figures, oldest first
 */
record DashboardChart(String currency, String json, String summary, List<Row> rows) {

	static List<DashboardChart> of(DashboardPeriod.Range range, ZoneId zone, List<SalesFigures.Bin> bins, Locale locale,
			MessageSource messages, JsonMapper json) {
		List<String> labels = labels(range, zone, locale, DateTimeFormatter.ofPattern("d MMM", locale));
		List<String> longLabels = labels(range, zone, locale,
				DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
		Map<String, long[][]> byCurrency = new TreeMap<>();
		for (SalesFigures.Bin bin : bins) {
			long[][] sums = byCurrency.computeIfAbsent(bin.sum().currency().getCurrencyCode(),
					(k) -> new long[2][range.buckets()]);
			sums[0][bin.index()] += bin.count();
			sums[1][bin.index()] += bin.sum().amountMinor();
		}
		List<DashboardChart> charts = new ArrayList<>();
		byCurrency.forEach((currency, sums) -> {
			List<Row> rows = new ArrayList<>();
			List<BigDecimal> revenue = new ArrayList<>();
			List<Long> sales = new ArrayList<>();
			long total = 0;
			long count = 0;
			int busiest = 0;
			for (int i = 0; i < range.buckets(); i++) {
				Money sum = Money.of(sums[1][i], currency);
				rows.add(new Row(longLabels.get(i), sums[0][i], MoneyText.format(sum, locale)));
				revenue.add(sum.decimal());
				sales.add(sums[0][i]);
				total += sums[1][i];
				count += sums[0][i];
				busiest = (sums[1][i] > sums[1][busiest]) ? i : busiest;
			}
			String revenueLabel = messages.getMessage("dashboard.chart.revenue", new Object[] { currency }, locale);
			String salesLabel = messages.getMessage("dashboard.chart.sales", null, locale);
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("currency", currency);
			data.put("locale", locale.toLanguageTag());
			data.put("labels", labels);
			data.put("revenue", revenue);
			data.put("sales", sales);
			data.put("revenueLabel", revenueLabel);
			data.put("salesLabel", salesLabel);
			String summary = messages.getMessage("dashboard.chart.summary",
					new Object[] { currency, count, MoneyText.format(Money.of(total, currency), locale),
							longLabels.get(0), longLabels.get(longLabels.size() - 1), longLabels.get(busiest),
							rows.get(busiest).amount() },
					locale);
			charts.add(new DashboardChart(currency, json.writeValueAsString(data), summary, rows));
		});
		return charts;
	}

	/**
	 * @return a label per bucket: the hour (with the zone's offset on a day the clocks
	 * change, when an hour repeats or is skipped) or the day
	 */
	static List<String> labels(DashboardPeriod.Range range, ZoneId zone, Locale locale, DateTimeFormatter days) {
		boolean hourly = range.period() == DashboardPeriod.TODAY;
		DateTimeFormatter hours = DateTimeFormatter.ofPattern((range.buckets() == 24) ? "HH:mm" : "HH:mm (O)", locale)
			.withZone(zone);
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < range.buckets(); i++) {
			Instant start = range.edges().get(i);
			labels.add(hourly ? hours.format(start) : days.format(start.atZone(zone).toLocalDate()));
		}
		return labels;
	}

	/**
	 * One bucket's figures.
	 *
	 * @param label the hour or day
	 * @param count paid sales
	 * @param amount their sum, formatted
	 */
	record Row(String label, long count, String amount) {

	}

}
