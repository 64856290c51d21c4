package io.atrium.sales;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestClock;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's sales page and CSV over real HTTP, with purchases made through the real
 * checkout.
 */
@AtriumIntegrationTest
class SalesPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Coupons coupons;

	@Autowired
	Checkout checkout;

	@Autowired
	TestClock clock;

	SalesShop shop;

	@BeforeEach
	void shop() {
		this.shop = new SalesShop(this.accounts, this.products, this.offers, this.coupons, this.checkout);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void filtersTotalsPerCurrencyChartAndCsv() {
		SalesShop.Seller seller = this.shop.producer("Paula Producer");
		SalesShop.Item bread = this.shop.item(seller, "Bread course", Money.of(10000, "BRL"));
		SalesShop.Item cake = this.shop.item(seller, "Cake course", Money.of(2500, "USD"));
		this.clock.advance(Duration.ofDays(-45));
		Purchase old = this.shop.buy(bread, "Olga Old", SalesShop.APPROVED_CARD);
		this.clock.reset();
		Purchase ana = this.shop.buy(bread, "Ana Souza", SalesShop.APPROVED_CARD);
		Purchase bruno = this.shop.buy(bread, "Bruno Lima", SalesShop.APPROVED_CARD);
		Purchase evil = this.shop.buy(bread, "=HYPERLINK(\"http://evil.example\",\"x\")", SalesShop.APPROVED_CARD);
		Purchase declined = this.shop.buy(bread, "Dora, \"the\" Declined", SalesShop.DECLINED_CARD);
		Purchase usd = this.shop.buy(cake, "Carla Cake", SalesShop.APPROVED_CARD);
		assertThat(declined.status()).isEqualTo(PurchaseStatus.CANCELLED);
		assertThat(usd.status()).isEqualTo(PurchaseStatus.APPROVED);

		WebClient web = new WebClient(this.port);
		web.logIn(seller.email(), SalesShop.PASSWORD);
		assertThat(web.get("/business").document().select("main a[href=/business/sales]")).hasSize(1);

		// the last 30 days by default: the 45-day-old sale is out
		Page page = web.get("/business/sales");
		assertThat(page.status()).isEqualTo(200);
		assertThat(transactions(page)).containsExactlyInAnyOrder(ana.transaction(), bruno.transaction(),
				evil.transaction(), declined.transaction(), usd.transaction());
		assertThat(page.document().select("#sales-totals li[data-currency=BRL]").text()).contains("R$", "300.00",
				"3 sales");
		assertThat(page.document().select("#sales-totals li[data-currency=USD]").text()).contains("$25.00", "1 sale");
		Element svg = page.document().selectFirst("#sales-chart svg[role=img]");
		assertThat(svg.attr("aria-labelledby")).isEqualTo("sales-chart-title sales-chart-desc");
		assertThat(svg.select("title#sales-chart-title").text()).isNotBlank();
		assertThat(svg.select("rect.sales-bar")).hasSize(30);
		assertThat(svg.select("rect.sales-bar").last().attr("data-count")).isEqualTo("4");
		assertThat(page.document().select("#sales-chart-table tbody tr")).hasSize(30);
		assertThat(page.document().select("#sales-chart-table tbody tr").last().text()).contains("4", "R$", "$25.00");

		// filters
		assertThat(transactions(web.get("/business/sales?status=CANCELLED"))).containsExactly(declined.transaction());
		assertThat(transactions(web.get("/business/sales?buyer=SOUZA"))).containsExactly(ana.transaction());
		assertThat(transactions(web.get("/business/sales?buyer=" + ana.terms().buyer().email())))
			.containsExactly(ana.transaction());
		assertThat(transactions(web.get("/business/sales?product=" + cake.productId())))
			.containsExactly(usd.transaction());
		String from = this.clock.instant().minus(Duration.ofDays(50)).toString().substring(0, 10);
		Page wide = web.get("/business/sales?from=" + from);
		assertThat(transactions(wide)).contains(old.transaction()).hasSize(6);
		assertThat(wide.document().select("#sales-totals li[data-currency=BRL]").text()).contains("400.00", "4 sales");
		assertThat(web.get("/business/sales?status=CANCELLED").document().select("#sales-totals li")).isEmpty();

		// CSV of the filtered set, parsed back
		Page csv = web.get("/business/sales.csv?product=" + bread.productId());
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
		assertThat(csv.header("Content-Disposition")).startsWith("attachment");
		List<List<String>> rows = parse(csv.body());
		assertThat(rows.get(0)).containsExactly("transaction", "order_date", "approved_date", "product_id", "product",
				"buyer_name", "buyer_email", "status", "price", "currency", "payment_type", "offer_code",
				"coupon_code");
		assertThat(rows).hasSize(5);
		List<String> evilRow = row(rows, evil.transaction());
		assertThat(evilRow.get(5)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
		List<String> declinedRow = row(rows, declined.transaction());
		assertThat(declinedRow.get(5)).isEqualTo("Dora, \"the\" Declined");
		assertThat(declinedRow.get(7)).isEqualTo("CANCELLED");
		assertThat(declinedRow.get(2)).isEmpty();
		List<String> anaRow = row(rows, ana.transaction());
		assertThat(anaRow.subList(3, 11)).containsExactly(String.valueOf(bread.productId()), "Bread course",
				"Ana Souza", ana.terms().buyer().email(), "APPROVED", "100.00", "BRL", "CREDIT_CARD");
		assertThat(csv.body()).contains("\r\n");
	}

	@Test
	void anotherProducerSeesNoneOfIt() {
		SalesShop.Seller seller = this.shop.producer("Owner");
		SalesShop.Item item = this.shop.item(seller, "Secret course", Money.of(5000, "EUR"));
		Purchase sale = this.shop.buy(item, "Someone", SalesShop.APPROVED_CARD);
		SalesShop.Seller other = this.shop.producer("Other");

		WebClient web = new WebClient(this.port);
		web.logIn(other.email(), SalesShop.PASSWORD);
		Page page = web.get("/business/sales?product=" + item.productId());
		assertThat(transactions(page)).isEmpty();
		assertThat(page.body()).doesNotContain(sale.transaction());
		assertThat(transactions(web.get("/business/sales"))).isEmpty();
		assertThat(page.document().select("#sales-totals li")).isEmpty();
		Page csv = web.get("/business/sales.csv?buyer=Someone");
		assertThat(parse(csv.body())).hasSize(1);
		assertThat(csv.body()).doesNotContain(sale.transaction());
	}

	@Test
	void thePageSpeaksTheProducersLanguage() {
		SalesShop.Seller seller = this.shop.producer("Lia");
		WebClient web = new WebClient(this.port);
		web.logIn(seller.email(), SalesShop.PASSWORD);
		Page page = web.get("/business/sales?lang=pt-BR");
		assertThat(page.document().select("h1").text()).isEqualTo("Vendas");
		assertThat(page.document().select("#sales-csv").text()).isEqualTo("Baixar CSV");
		assertThat(page.document().select("#sales-chart title#sales-chart-title").text()).startsWith("Vendas pagas");
	}

	@Test
	void theStatusFilterListsEachStatusOnceUnderItsOwnName() {
		SalesShop.Seller seller = this.shop.producer("Noa");
		WebClient web = new WebClient(this.port);
		web.logIn(seller.email(), SalesShop.PASSWORD);
		for (String language : List.of("en", "pt-BR", "es", "it")) {
			Page page = web.get("/business/sales?lang=" + language);
			List<String> values = page.document().select("#status option").eachAttr("value");
			List<String> names = page.document().select("#status option").eachText();
			assertThat(values).as(language).hasSize(PurchaseStatus.values().length + 2).doesNotHaveDuplicates();
			assertThat(names).as(language).doesNotHaveDuplicates();
		}
	}

	@Test
	void salesPagesNeedAProducer() {
		WebClient web = new WebClient(this.port);
		assertThat(web.get("/business/sales").status()).isEqualTo(302);
		assertThat(web.get("/business/sales.csv").status()).isEqualTo(302);
	}

	static List<String> transactions(Page page) {
		return page.document().select("#sales-table tbody tr").eachAttr("data-transaction");
	}

	static List<String> row(List<List<String>> rows, String transaction) {
		return rows.stream().filter((r) -> r.get(0).equals(transaction)).findFirst().orElseThrow();
	}

	/** RFC 4180. */
	static List<List<String>> parse(String csv) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				i++;
			}
			else {
				field.append(c);
			}
		}
		assertThat(field).isEmpty();
		assertThat(row).isEmpty();
		return rows;
	}

}
