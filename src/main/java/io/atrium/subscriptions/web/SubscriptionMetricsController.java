package io.atrium.subscriptions.web;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.accounts.SignedInAccount;
import io.atrium.checkout.MoneyText;
import io.atrium.platform.Dates;
import io.atrium.shared.Money;
import io.atrium.subscriptions.SubscriptionFigures;
import io.atrium.subscriptions.SubscriptionMetrics;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The producer's subscription numbers ({@code /business/subscriptions/metrics}): active
 * subscribers, MRR, churn and overdue recovered over the last 30 days, and the last
 * twelve months drawn as charts (see {@link SubscriptionFigures}).
 */
@Controller
class SubscriptionMetricsController {

	private final SubscriptionFigures figures;

	private final ProducerTimeZones zones;

	private final Clock clock;

	SubscriptionMetricsController(SubscriptionFigures figures, ProducerTimeZones zones, Clock clock) {
		this.figures = figures;
		this.zones = zones;
		this.clock = clock;
	}

	@GetMapping("/business/subscriptions/metrics")
	String metrics(@AuthenticationPrincipal SignedInAccount me, Locale locale, Model model) {
		long producer = me.accountId().value();
		ZoneId zone = this.zones.of(producer);
		Instant now = this.clock.instant();
		SubscriptionMetrics.Numbers numbers = this.figures.numbers(producer);
		model.addAttribute("numbers", numbers);
		model.addAttribute("mrr", amounts(numbers.mrr(), locale));
		model.addAttribute("recoveredAmount", amounts(numbers.recoveredAmount(), locale));
		model.addAttribute("churn", (numbers.churn() != null) ? percent(numbers.churn().doubleValue(), locale) : null);
		model.addAttribute("windowFrom", Dates.show(now.minus(SubscriptionMetrics.WINDOW), zone, locale));
		model.addAttribute("windowTo", Dates.show(now, zone, locale));
		model.addAttribute("zone", zone.getId());
		DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern("MMM yyyy", locale);
		model.addAttribute("activeChart",
				BarChart.of(numbers.months()
					.stream()
					.map((m) -> new BarChart.Point(m.month().toString(), monthFormat.format(m.month()), m.active(),
							String.valueOf(m.active())))
					.toList()));
		TreeSet<String> currencies = numbers.months()
			.stream()
			.flatMap((m) -> m.mrr().keySet().stream())
			.collect(Collectors.toCollection(TreeSet::new));
		model.addAttribute("mrrCharts", currencies.stream()
			.map((currency) -> new CurrencyChart(currency, BarChart.of(numbers.months().stream().map((m) -> {
				Money sum = m.mrr().getOrDefault(currency, Money.of(0, currency));
				return new BarChart.Point(m.month().toString(), monthFormat.format(m.month()), sum.amountMinor(),
						MoneyText.format(sum, locale));
			}).toList())))
			.toList());
		model.addAttribute("months",
				numbers.months()
					.stream()
					.map((m) -> new MonthRow(monthFormat.format(m.month()), Dates.show(m.end(), zone, locale),
							m.active(), String.join(" · ", amounts(m.mrr(), locale))))
					.toList());
		return "subscriptions/metrics";
	}

	private static List<String> amounts(Map<String, Money> sums, Locale locale) {
		return sums.values().stream().map((m) -> MoneyText.format(m, locale)).toList();
	}

	private static String percent(double fraction, Locale locale) {
		NumberFormat format = NumberFormat.getPercentInstance(locale);
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		return format.format(fraction);
	}

	/**
	 * One currency's MRR chart.
	 */
	record CurrencyChart(String currency, BarChart chart) {

	}

	/**
	 * One month's figures.
	 */
	record MonthRow(String label, String end, long active, String mrr) {

	}

}
