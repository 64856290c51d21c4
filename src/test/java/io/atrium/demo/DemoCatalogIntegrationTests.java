package io.atrium.demo;

import java.math.BigDecimal;
import java.time.Instant;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.BillingPeriod;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.CouponDecision;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.ProductSummary;
import io.atrium.catalog.RefusalReason;
import io.atrium.shared.EmailAddress;
import io.atrium.support.AtriumIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo producer's catalog: what a newcomer can sell right away, seeded once.
 */
@AtriumIntegrationTest
@TestPropertySource(properties = { "atrium.demo.enabled=true", "atrium.demo.client-id=demo-client",
		"atrium.demo.client-secret=demo-secret-with-enough-length-0123456789" })
class DemoCatalogIntegrationTests {

	@Autowired
	Catalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	DemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoProducerSellsACourseASubscriptionAndAnEvent() {
		long producer = this.accounts.findByEmail(EmailAddress.of(DemoData.PRODUCER)).orElseThrow().id().value();
		var products = this.catalog.productsOf(producer);
		assertThat(products).extracting(ProductSummary::name)
			.containsExactly("Fotografia do Zero", "Clube de Receitas", "Workshop Ao Vivo");
		assertThat(products.get(2).delivery().kind()).isEqualTo(DeliveryKind.EXTERNAL);
		var offers = this.jdbc.sql("SELECT code FROM catalog_offers WHERE product_id = ? ORDER BY id")
			.param(products.get(0).id())
			.query(String.class)
			.list();
		var main = this.catalog.offerForSale(offers.get(0)).orElseThrow();
		assertThat(main.main()).isTrue();
		assertThat(main.price().toString()).isEqualTo("497.00 BRL");
		assertThat(main.maxInstallments()).isEqualTo(12);
		assertThat(this.catalog.offerForSale(offers.get(1)).orElseThrow().price().toString()).isEqualTo("97.00 USD");
		assertThat(this.catalog.checkCoupon(offers.get(0), "bemvindo20", Instant.now()))
			.isInstanceOfSatisfying(CouponDecision.Applied.class, (applied) -> {
				assertThat(applied.discount()).isEqualByComparingTo(new BigDecimal("0.2"));
				assertThat(applied.discountedPrice().amountMinor()).isEqualTo(39760);
			});
		assertThat(this.catalog.checkCoupon(offers.get(0), "BLACKFRIDAY24", Instant.now())).isInstanceOfSatisfying(
				CouponDecision.Refused.class,
				(refused) -> assertThat(refused.reason()).isEqualTo(RefusalReason.EXPIRED));
		var plans = this.jdbc.sql("SELECT code FROM catalog_offers WHERE product_id = ? ORDER BY id")
			.param(products.get(1).id())
			.query(String.class)
			.list();
		var annual = this.catalog.offerForSale(plans.get(1)).orElseThrow();
		assertThat(annual.plan().period()).isEqualTo(BillingPeriod.ANNUAL);
		assertThat(annual.plan().trialDays()).isEqualTo(7);
		assertThat(annual.price().toString()).isEqualTo("399.00 BRL");
	}

	@Test
	void seedingAgainAddsNoProducts() {
		long before = this.jdbc.sql("SELECT COUNT(*) FROM catalog_products").query(Long.class).single();
		this.demo.seedOnFirstStart();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM catalog_products").query(Long.class).single()).isEqualTo(before);
	}

}
