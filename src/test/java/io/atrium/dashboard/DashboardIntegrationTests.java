package io.atrium.dashboard;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.ProducerTimeZones;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.Refunds;
import io.atrium.club.groups.Enrollments;
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard over real HTTP, with purchases and refunds made through the real
 * checkout: its figures, the lists its links open, and nobody else's sales.
 */
@AtriumIntegrationTest
class DashboardIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Checkout checkout;

	@Autowired
	Refunds refunds;

	@Autowired
	Enrollments enrollments;

	@Autowired
	ProducerTimeZones zones;

	@Autowired
	TestClock clock;

	@Autowired
	JsonMapper json;

	DashboardShop shop;

	@BeforeEach
	void shop() {
		this.shop = new DashboardShop(this.accounts, this.products, this.offers, this.checkout);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void figuresOfRealSalesAndRefundsLinkToTheListsBehindThem() {
		DashboardShop.Seller paula = this.shop.producer("Paula Producer");
		DashboardShop.Item bread = this.shop.item(paula, "Bread course", Money.of(10000, "BRL"));
		DashboardShop.Item cake = this.shop.item(paula, "Cake course", Money.of(2500, "USD"));
		this.clock.advance(Duration.ofDays(-10));
		Purchase olga = this.shop.buy(bread, "Olga Old", DashboardShop.APPROVED_CARD);
		this.clock.reset();
		Purchase ana = this.shop.buy(bread, "Ana Souza", DashboardShop.APPROVED_CARD);
		Purchase bruno = this.shop.buy(bread, "Bruno Lima", DashboardShop.APPROVED_CARD);
		Purchase carla = this.shop.buy(cake, "Carla Cake", DashboardShop.APPROVED_CARD);
		Purchase dora = this.shop.buy(bread, "Dora Declined", DashboardShop.DECLINED_CARD);
		assertThat(dora.status()).isEqualTo(PurchaseStatus.CANCELLED);
		DashboardShop.Seller other = this.shop.producer("Otto Other");
		DashboardShop.Item secret = this.shop.item(other, "Secret recipes", Money.of(99900, "BRL"));
		Purchase otto = this.shop.buy(secret, "Xavier Stranger", DashboardShop.APPROVED_CARD);
		// Bruno is refunded once enrolled: a purchase refunded before its enrolment ran
		// enrols nobody, and the two reactions run in no fixed order
		Eventually.until("the buyers are enrolled",
				() -> this.enrollments
					.newStudents(paula.id(), this.clock.instant().minus(Duration.ofDays(1)),
							this.clock.instant().plusSeconds(1))
					.values()
					.stream()
					.mapToLong(Long::longValue)
					.sum() == 3);
		assertThat(this.refunds.refund(paula.id(), bruno.transaction()).status()).isEqualTo(PurchaseStatus.REFUNDED);

		WebClient web = new WebClient(this.port);
		assertThat(web.logIn(paula.email(), DashboardShop.PASSWORD).path()).isEqualTo("/business");
		String today = LocalDate.now(this.clock.withZone(this.zones.of(paula.id()))).toString();

		Page page = web.get("/business?period=today");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("#dashboard-periods a[aria-current=page]").text()).isEqualTo("Today");
		assertThat(figure(page, "revenue")).contains("R$", "100.00", "$25.00");
		assertThat(number(page, "sales")).isEqualTo("2");
		assertThat(number(page, "refunds")).isEqualTo("1");
		assertThat(figure(page, "refunds")).contains("100.00");
		assertThat(figure(page, "students")).contains("3", "Bread course: 2", "Cake course: 1");
		assertThat(page.text()).doesNotContain("Secret recipes", "Xavier", "999.00");

		// every figure opens the list behind it, filtered the same way
		String paid = "/business/sales?status=PAID&from=" + today + "&to=" + today;
		assertThat(link(page, "#figure-revenue a")).isEqualTo(paid);
		assertThat(link(page, "#figure-sales a")).isEqualTo(paid);
		Page sales = web.get(paid);
		assertThat(transactions(sales)).containsExactlyInAnyOrder(ana.transaction(), carla.transaction());
		assertThat(sales.document().select("#status option[selected]").attr("value")).isEqualTo("PAID");
		assertThat(link(page, "#figure-refunds a"))
			.isEqualTo("/business/sales?status=REFUNDED&from=" + today + "&to=" + today);
		assertThat(transactions(web.get(link(page, "#figure-refunds a")))).containsExactly(bruno.transaction());
		String breadStudents = "/business/products/" + bread.productId() + "/club/students?from=" + today + "&to="
				+ today;
		assertThat(page.document().select("#figure-students li a").eachAttr("href")).contains(breadStudents);
		Page students = web.get(breadStudents);
		assertThat(students.document().select("#students-count").text()).contains("2");
		assertThat(students.text()).contains("Ana Souza", "Bruno Lima").doesNotContain("Olga Old");
		assertThat(link(page, "#figure-mrr a")).isEqualTo("/business/subscriptions/metrics");
		assertThat(web.get(link(page, "#figure-mrr a")).status()).isEqualTo(200);

		// the best sellers, each opening its offer's sales
		Element first = page.document().selectFirst("#dashboard-best tbody tr");
		assertThat(first.text()).contains("Bread course", bread.offerCode(), "1", "100.00");
		String offerSales = first.selectFirst("a").attr("href");
		assertThat(offerSales).isEqualTo("/business/sales?status=PAID&from=" + today + "&to=" + today + "&product="
				+ bread.productId() + "&offer=" + bread.offerCode());
		assertThat(transactions(web.get(offerSales))).containsExactly(ana.transaction());

		// the chart: one per currency, by hour today, with its data and a table
		Element canvas = page.document().selectFirst("#dashboard-chart-BRL canvas[role=img]");
		assertThat(canvas.attr("aria-label")).contains("BRL", "1 paid sales", "100.00");
		JsonNode data = this.json.readTree(canvas.attr("data-chart"));
		assertThat(data.path("currency").asString()).isEqualTo("BRL");
		assertThat(data.path("labels")).hasSize(24);
		assertThat(sum(data.path("sales"))).isEqualTo(1);
		assertThat(page.document().select("#dashboard-chart-BRL tbody tr")).hasSize(24);
		assertThat(page.document().select("#dashboard-chart-USD canvas")).hasSize(1);

		// 30 days take in the sale of ten days ago, by day
		Page month = web.get("/business?period=30");
		assertThat(number(month, "sales")).isEqualTo("3");
		assertThat(figure(month, "revenue")).contains("200.00");
		assertThat(month.document().select("#dashboard-chart-BRL tbody tr")).hasSize(30);
		assertThat(month.document().selectFirst("#dashboard-best tbody tr").text()).contains("Bread course", "2");
		String from30 = LocalDate.parse(today).minusDays(29).toString();
		assertThat(transactions(web.get(link(month, "#figure-sales a")))).contains(olga.transaction()).hasSize(3);
		assertThat(link(month, "#figure-sales a")).contains("from=" + from30);
		assertThat(web.get("/business?period=7").document().select("#dashboard-chart-BRL tbody tr")).hasSize(7);
		assertThat(web.get("/business?period=nonsense")
			.document()
			.select("#dashboard-periods a[aria-current=page]")
			.text()).isEqualTo("7 days");

		// the other producer sees only their own
		WebClient otherWeb = new WebClient(this.port);
		otherWeb.logIn(other.email(), DashboardShop.PASSWORD);
		Page theirs = otherWeb.get("/business?period=today");
		assertThat(figure(theirs, "revenue")).contains("999.00").doesNotContain("$25.00");
		assertThat(number(theirs, "sales")).isEqualTo("1");
		assertThat(theirs.text()).doesNotContain("Bread course", "Ana Souza");
		assertThat(transactions(otherWeb.get(link(theirs, "#figure-sales a")))).containsExactly(otto.transaction());
		assertThat(otherWeb.get("/business/products/" + bread.productId() + "/club/students?from=" + today).status())
			.isIn(403, 404);
	}

	@Test
	void aNewProducerSeesWhatToDoNext() {
		DashboardShop.Seller nina = this.shop.producer("Nina New");
		WebClient web = new WebClient(this.port);
		web.logIn(nina.email(), DashboardShop.PASSWORD);
		Page page = web.get("/business");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("Welcome, Nina New", "No paid sales in this period.",
				"Your sales will show here.", "No offer sold in this period.", "0 of 7 done");
		assertThat(figure(page, "revenue")).contains("None");
		assertThat(page.document().select("#dashboard-next li[data-done=false]")).hasSize(7);
		assertThat(page.document().select("#dashboard-next a").eachAttr("href")).contains("/business/products",
				"/business/club", "/business/branding", "/business/credentials", "/business/webhooks");
		assertThat(page.document().select("canvas")).isEmpty();
		// the links the other pages' tests follow are still there
		assertThat(page.document().select("main a[href=/business/sales]")).hasSize(1);
		assertThat(page.document().select("main a[href=/business/subscriptions]")).hasSize(1);

		this.shop.item(nina, "First course", Money.of(5000, "BRL"));
		Page next = web.get("/business");
		assertThat(steps(next)).containsEntry("product", true)
			.containsEntry("offer", true)
			.containsEntry("first-sale", false)
			.containsEntry("webhook", false);
		assertThat(next.text()).contains("2 of 7 done");
	}

	private static Map<String, Boolean> steps(Page page) {
		return page.document()
			.select("#dashboard-next li")
			.stream()
			.collect(java.util.stream.Collectors.toMap((li) -> li.attr("data-step"),
					(li) -> Boolean.parseBoolean(li.attr("data-done"))));
	}

	private static String figure(Page page, String name) {
		return page.document().select("#figure-" + name).text().replace("\u00a0", " ");
	}

	private static String number(Page page, String name) {
		return page.document().select("#figure-" + name + " .dashboard-figure").text();
	}

	private static String link(Page page, String css) {
		return page.document().selectFirst(css).attr("href");
	}

	private static List<String> transactions(Page page) {
		assertThat(page.status()).isEqualTo(200);
		return page.document()
			.select("#sales-table tbody tr")
			.stream()
			.map((tr) -> tr.attr("data-transaction"))
			.toList();
	}

	private static long sum(JsonNode numbers) {
		long sum = 0;
		for (JsonNode n : numbers) {
			sum += n.asLong();
		}
		return sum;
	}

}
