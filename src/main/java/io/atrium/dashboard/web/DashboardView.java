package io.atrium.dashboard.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.atrium.catalog.Product;
import io.atrium.checkout.MoneyText;
import io.atrium.checkout.SalesQuery;
import io.atrium.dashboard.Dashboard;
import io.atrium.dashboard.DashboardPeriod;
import io.atrium.dashboard.NextSteps;
import io.atrium.shared.Money;
import io.atrium.subscriptions.SubscriptionMetrics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the dashboard page shows, formatted for the reader's language: every figure with
 * the link to the list behind it, filtered the same way (the sales list by status and
 * days, the students of a product by start day, the subscription metrics).
 *
 * @param period the chosen period
 * @param periods the period switch
 * @param firstDay the period's first day, formatted
 * @param lastDay its last day (today), formatted
 * @param zone the producer's zone id
 * @param revenue paid sales' sums, one per currency
 * @param sales how many paid sales
 * @param salesLink the sales list of the period's paid sales
 * @param refunds how many of the period's sales were refunded
 * @param refundAmounts their sums, one per currency
 * @param refundsLink the sales list of those refunds
 * @param newStudents how many students started in the period
 * @param studentLinks per product with new students, the count and its students list
 * @param subscriptions the subscription tiles
 * @param charts one chart per currency with paid sales
 * @param bestSellers the best-selling offers
 * @param steps what to do next
 * @param stepsLeft how many steps are not done
 */
record DashboardView(String period, List<PeriodLink> periods, String firstDay, String lastDay, String zone,
		List<String> revenue, long sales, String salesLink, long refunds, List<String> refundAmounts,
		String refundsLink, long newStudents, List<ProductCount> studentLinks, Subscriptions subscriptions,
		List<DashboardChart> charts, List<BestSeller> bestSellers, List<NextSteps.Step> steps, long stepsLeft) {

	static final String METRICS = "/business/subscriptions/metrics";

	static DashboardView of(Dashboard.Home home, Locale locale, MessageSource messages, JsonMapper json) {
		DashboardPeriod.Range range = home.range();
		String from = range.firstDay().toString();
		String to = range.lastDay().toString();
		DateTimeFormatter medium = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		List<PeriodLink> periods = Arrays.stream(DashboardPeriod.values())
			.map((p) -> new PeriodLink(p.parameter(), p == range.period(), "/business?period=" + p.parameter()))
			.toList();
		Map<Long, String> names = home.products()
			.stream()
			.collect(Collectors.toMap(Product::id, (p) -> p.details().name(), (a, b) -> a));
		List<ProductCount> students = home.newStudents()
			.entrySet()
			.stream()
			.sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map((e) -> new ProductCount(names.getOrDefault(e.getKey(), "#" + e.getKey()), e.getValue(),
					link("/business/products/" + e.getKey() + "/club/students", Map.of("from", from, "to", to))))
			.toList();
		List<BestSeller> best = home.bestSellers()
			.stream()
			.map((o) -> new BestSeller(o.productName(), o.offerCode(), o.count(), amounts(o.sums(), locale),
					link("/business/sales",
							Map.of("status", "PAID", "from", from, "to", to, "product", String.valueOf(o.productId()),
									"offer", o.offerCode()))))
			.toList();
		return new DashboardView(range.period().parameter(), periods, medium.format(range.firstDay()),
				medium.format(range.lastDay()), home.zone().getId(), totals(home.paid(), locale), count(home.paid()),
				link("/business/sales", Map.of("status", "PAID", "from", from, "to", to)), count(home.refunded()),
				totals(home.refunded(), locale),
				link("/business/sales", Map.of("status", "REFUNDED", "from", from, "to", to)),
				home.newStudents().values().stream().mapToLong(Long::longValue).sum(), students,
				Subscriptions.of(home.subscriptions(), locale),
				DashboardChart.of(home.range(), home.zone(), home.bins(), locale, messages, json), best, home.steps(),
				home.steps().stream().filter((s) -> !s.done()).count());
	}

	/**
	 * @return the only product's students link when exactly one product has new students
	 */
	public String studentsLink() {
		return (this.studentLinks.size() == 1) ? this.studentLinks.get(0).link() : null;
	}

	private static long count(List<SalesQuery.CurrencyTotal> totals) {
		return totals.stream().mapToLong(SalesQuery.CurrencyTotal::count).sum();
	}

	private static List<String> totals(List<SalesQuery.CurrencyTotal> totals, Locale locale) {
		return amounts(totals.stream().map(SalesQuery.CurrencyTotal::sum).toList(), locale);
	}

	static List<String> amounts(List<Money> sums, Locale locale) {
		return sums.stream()
			.sorted(Comparator.comparing((Money m) -> m.currency().getCurrencyCode()))
			.map((m) -> MoneyText.format(m, locale))
			.toList();
	}

	static String link(String path, Map<String, String> params) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		params.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(Comparator.comparing(Function.identity(), DashboardView::order)))
			.forEach((e) -> uri.queryParam(e.getKey(), e.getValue()));
		return uri.encode().build().toUriString();
	}

	private static int order(String a, String b) {
		List<String> first = List.of("status", "from", "to", "product", "offer");
		return Integer.compare(first.indexOf(a), first.indexOf(b));
	}

	/**
	 * One entry of the period switch.
	 */
	record PeriodLink(String parameter, boolean current, String link) {

	}

	/**
	 * A product's new students.
	 */
	record ProductCount(String product, long count, String link) {

	}

	/**
	 * One best-selling offer.
	 */
	record BestSeller(String product, String offerCode, long count, List<String> amounts, String link) {

	}

	/**
	 * The subscription tiles.
	 *
	 * @param active active subscribers now
	 * @param mrr MRR, one per currency
	 * @param churn churn over the last 30 days as a percentage, or null when nobody was
	 * active at its start
	 * @param cancelled cancellations in those 30 days
	 * @param link the subscription metrics
	 */
	record Subscriptions(long active, List<String> mrr, String churn, long cancelled, String link) {

		static Subscriptions of(SubscriptionMetrics.Numbers numbers, Locale locale) {
			return new Subscriptions(numbers.active(), amounts(new ArrayList<>(numbers.mrr().values()), locale),
					(numbers.churn() != null) ? percent(numbers.churn(), locale) : null, numbers.cancelled(), METRICS);
		}

		private static String percent(BigDecimal fraction, Locale locale) {
			NumberFormat format = NumberFormat.getPercentInstance(locale);
			format.setMinimumFractionDigits(1);
			format.setMaximumFractionDigits(1);
			return format.format(fraction.doubleValue());
		}

	}

}
