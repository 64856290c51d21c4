package io.atrium.checkout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.CouponDetails;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.ImageChange;
import io.atrium.catalog.Offer;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.Offers;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductDetails;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;

/**
 * Producers, products, offers and coupons for checkout tests, through the catalog's own
 * services.
 */
class TestShop {

	static final String PASSWORD = "correct horse battery";

	private final Accounts accounts;

	private final Products products;

	private final Offers offers;

	private final Coupons coupons;

	TestShop(Accounts accounts, Products products, Offers offers, Coupons coupons) {
		this.accounts = accounts;
		this.products = products;
		this.offers = offers;
		this.coupons = coupons;
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	long producer() {
		return this.accounts
			.createActive(EmailAddress.of(unique("producer")), "Producer", PASSWORD, Locale.ENGLISH,
					Set.of(Role.PRODUCER))
			.id()
			.value();
	}

	Sale sale(long producer, Money price, Delivery delivery, ProductStatus status) {
		Product product = this.products.create(producer, new ProductDetails("Sourdough course",
				"Bake real bread at home.", "help@bakery.example", ProductFormat.ONLINE_COURSE, status, 7, delivery),
				ImageChange.keep());
		Offer offer = this.offers.create(producer, product.id(),
				new OfferDetails("Full course", price, PaymentMode.SINGLE, null, null));
		return new Sale(producer, product.id(), offer.id(), offer.code());
	}

	/**
	 * @param maxInstallments the most card installments the offer allows
	 * @return an active product with one R$ 97.00 offer
	 */
	Sale installmentSale(int maxInstallments) {
		long producer = producer();
		Product product = this.products.create(producer,
				new ProductDetails("Sourdough course", "Bake real bread at home.", "help@bakery.example",
						ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
				ImageChange.keep());
		Offer offer = this.offers.create(producer, product.id(), new OfferDetails("Full course", Money.of(9700, "BRL"),
				PaymentMode.SINGLE, null, null, maxInstallments));
		return new Sale(producer, product.id(), offer.id(), offer.code());
	}

	Sale sale() {
		return sale(producer(), Money.of(10000, "BRL"), Delivery.membersArea(), ProductStatus.ACTIVE);
	}

	String coupon(Sale sale, String code, String discount, Instant starts, Instant ends) {
		return this.coupons
			.create(sale.producer(), sale.productId(),
					new CouponDetails(code, new BigDecimal(discount), starts, ends, Set.of()))
			.code();
	}

	record Sale(long producer, long productId, long offerId, String offerCode) {
	}

}
