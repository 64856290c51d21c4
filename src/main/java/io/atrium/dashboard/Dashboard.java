package io.atrium.dashboard;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.api.ApiCredentials;
import io.atrium.api.PageQuery;
import io.atrium.media.Branding;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductFilter;
import io.atrium.catalog.Products;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.Refunds;
import io.atrium.checkout.SalesFigures;
import io.atrium.checkout.SalesFilter;
import io.atrium.checkout.SalesQuery;
import io.atrium.club.content.ClubContent;
import io.atrium.club.groups.Enrollments;
import io.atrium.subscriptions.SubscriptionFigures;
import io.atrium.subscriptions.SubscriptionMetrics;
import io.atrium.webhooks.Webhooks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers a producer's dashboard: figures for a period and the state behind "what to do
 * next", read through the other modules' public APIs in one read-only transaction (one
 * pooled connection for the whole page).
 */
@Service
public class Dashboard {

	/** How many best-selling offers the dashboard shows. */
	public static final int BEST_SELLERS = 5;

	/** The most products the dashboard names (new students per product). */
	static final int PRODUCTS = 500;

	private final SalesQuery sales;

	private final SalesFigures figures;

	private final Refunds refunds;

	private final Enrollments enrollments;

	private final ClubContent content;

	private final Products products;

	private final Offers offers;

	private final SubscriptionFigures subscriptions;

	private final ApiCredentials credentials;

	private final Webhooks webhooks;

	private final Branding branding;

	private final ProducerTimeZones zones;

	private final Clock clock;

	Dashboard(SalesQuery sales, SalesFigures figures, Refunds refunds, Enrollments enrollments, ClubContent content,
			Products products, Offers offers, SubscriptionFigures subscriptions, ApiCredentials credentials,
			Webhooks webhooks, Branding branding, ProducerTimeZones zones, Clock clock) {
		this.sales = sales;
		this.figures = figures;
		this.refunds = refunds;
		this.enrollments = enrollments;
		this.content = content;
		this.products = products;
		this.offers = offers;
		this.subscriptions = subscriptions;
		this.credentials = credentials;
		this.webhooks = webhooks;
		this.branding = branding;
		this.zones = zones;
		this.clock = clock;
	}

	/**
	 * @param producerAccountId the signed-in producer
	 * @param period the period asked for
	 * @return the producer's figures for the period and their next steps
	 */
	@Transactional(readOnly = true)
	public Home home(long producerAccountId, DashboardPeriod period) {
		ZoneId zone = this.zones.of(producerAccountId);
		DashboardPeriod.Range range = period.at(this.clock.instant(), zone);
		SalesFilter inPeriod = new SalesFilter(producerAccountId, range.from(), range.to(), null, null, null, null,
				null, null, null, null);
		List<SalesQuery.CurrencyTotal> paid = this.sales.totals(inPeriod.onlyStatuses(SalesFigures.PAID));
		List<SalesQuery.CurrencyTotal> refunded = this.sales
			.totals(inPeriod.onlyStatuses(EnumSet.of(PurchaseStatus.REFUNDED)));
		List<Product> owned = this.products.list(producerAccountId, ProductFilter.NONE, null, 0, PRODUCTS);
		boolean everSold = !this.sales.find(SalesFilter.of(producerAccountId).onlyStatuses(SalesFigures.PAID), 0, 1)
			.isEmpty();
		NextSteps.Setup setup = new NextSteps.Setup(!owned.isEmpty(), this.offers.anyOffer(producerAccountId),
				this.content.anyPage(producerAccountId), branded(producerAccountId), everSold,
				!this.credentials.list(producerAccountId, new PageQuery(1, null)).items().isEmpty(),
				!this.webhooks.endpoints(producerAccountId).isEmpty(),
				this.refunds.pendingRequests(producerAccountId).size());
		return new Home(zone, range, paid, refunded, this.figures.paidSales(producerAccountId, range.edges()),
				this.figures.bestSellers(producerAccountId, range.from(), range.to(), BEST_SELLERS),
				this.enrollments.newStudents(producerAccountId, range.from(), range.to()), owned,
				this.subscriptions.numbers(producerAccountId), NextSteps.of(setup));
	}

	private boolean branded(long producerAccountId) {
		return this.branding.forProducer(producerAccountId).isPresent();
	}

	/**
	 * A producer's dashboard.
	 *
	 * @param zone the producer's time zone
	 * @param range the period's days and buckets
	 * @param paid paid sales in the period per currency (count and sum)
	 * @param refunded sales of the period since refunded, per currency
	 * @param bins paid sales per bucket and currency
	 * @param bestSellers the offers with the most paid sales in the period
	 * @param newStudents students whose access started in the period, per product id
	 * @param products the producer's products (for names and links)
	 * @param subscriptions the subscription numbers now
	 * @param steps what to do next
	 */
	public record Home(ZoneId zone, DashboardPeriod.Range range, List<SalesQuery.CurrencyTotal> paid,
			List<SalesQuery.CurrencyTotal> refunded, List<SalesFigures.Bin> bins,
			List<SalesFigures.OfferSales> bestSellers, Map<Long, Long> newStudents, List<Product> products,
			SubscriptionMetrics.Numbers subscriptions, List<NextSteps.Step> steps) {

	}

}
