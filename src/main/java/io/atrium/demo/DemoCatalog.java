package io.atrium.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import io.atrium.catalog.BillingPeriod;
import io.atrium.catalog.CouponDetails;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.ImageChange;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.Offers;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductDetails;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.catalog.RecurringPlan;
import io.atrium.shared.Money;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo producer's catalog: an online course with a BRL and a USD offer, a
 * subscription with a monthly and an annual plan, an online event delivered outside
 * Atrium, a valid and an expired coupon.
 */
@Component
class DemoCatalog {

	private final Products products;

	private final Offers offers;

	private final Coupons coupons;

	DemoCatalog(Products products, Offers offers, Coupons coupons) {
		this.products = products;
		this.offers = offers;
		this.coupons = coupons;
	}

	@Transactional
	void seed(long producer, String supportEmail) {
		Product course = this.products.create(producer,
				new ProductDetails("Fotografia do Zero",
						"Do modo automático ao manual: luz, composição e edição em 40 aulas curtas.", supportEmail,
						ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
				ImageChange.keep());
		// up to 12 card installments: the checkout offers 1× to 12× of R$ 497.00
		this.offers.create(producer, course.id(),
				new OfferDetails("Fotografia do Zero", Money.of(49700, "BRL"), PaymentMode.SINGLE, null, null, 12));
		this.offers.create(producer, course.id(),
				single("Photography from Zero (international)", Money.of(9700, "USD")));
		this.coupons.create(producer, course.id(),
				new CouponDetails("BEMVINDO20", new BigDecimal("0.2"), null, null, Set.of()));
		this.coupons.create(producer, course.id(), new CouponDetails("BLACKFRIDAY24", new BigDecimal("0.5"),
				Instant.parse("2024-11-29T03:00:00Z"), Instant.parse("2024-12-02T03:00:00Z"), Set.of()));

		Product club = this.products.create(producer,
				new ProductDetails("Clube de Receitas", "Uma receita nova por semana e aulas ao vivo todo mês.",
						supportEmail, ProductFormat.SUBSCRIPTION, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
				ImageChange.keep());
		this.offers.create(producer, club.id(), new OfferDetails("Plano mensal", Money.of(3990, "BRL"),
				PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.MONTHLY, null, 0), null));
		this.offers.create(producer, club.id(), new OfferDetails("Plano anual", Money.of(39900, "BRL"),
				PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.ANNUAL, null, 7), null));

		Product workshop = this.products.create(producer,
				new ProductDetails("Workshop Ao Vivo", "Três horas ao vivo com perguntas e respostas.", supportEmail,
						ProductFormat.ONLINE_EVENT, ProductStatus.ACTIVE, 7,
						Delivery.external("https://workshop.example.com/ao-vivo",
								"O link da sala chega por e-mail um dia antes do workshop. "
										+ "Entre com o mesmo e-mail da compra.")),
				ImageChange.keep());
		this.offers.create(producer, workshop.id(), single("Ingresso", Money.of(19700, "BRL")));
	}

	private static OfferDetails single(String name, Money price) {
		return new OfferDetails(name, price, PaymentMode.SINGLE, null, null);
	}

}
