package io.atrium.checkout.web;

import java.util.List;
import java.util.Locale;

import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.ProductSummary;
import io.atrium.checkout.MoneyText;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.Purchases;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "My purchases": every purchase of the signed-in account, across producers; never
 * another's.
 */
@Controller
class MyPurchasesController {

	private final Purchases purchases;

	private final Catalog catalog;

	MyPurchasesController(Purchases purchases, Catalog catalog) {
		this.purchases = purchases;
		this.catalog = catalog;
	}

	@GetMapping("/purchases")
	String purchases(@AuthenticationPrincipal SignedInAccount me, Model model, Locale locale) {
		List<Row> rows = this.purchases.ofBuyer(me.accountId().value())
			.stream()
			.map((p) -> row(p, this.catalog.product(p.terms().productId()).orElse(null), locale))
			.toList();
		model.addAttribute("me", me);
		model.addAttribute("rows", rows);
		return "checkout/purchases";
	}

	private static Row row(Purchase purchase, ProductSummary product, Locale locale) {
		boolean external = product != null && product.delivery().kind() == DeliveryKind.EXTERNAL;
		return new Row(purchase.terms().productName(), purchase.transaction(),
				CheckoutController.date(purchase.terms().createdAt(), locale),
				MoneyText.format(purchase.terms().price(), locale), purchase.status().name(), purchase.status().paid(),
				external, external ? product.delivery().externalUrl() : null,
				external ? product.delivery().accessInstructions() : null,
				(product != null) ? product.supportEmail() : null);
	}

	record Row(String product, String transaction, String date, String price, String status, boolean paid,
			boolean external, String externalUrl, String accessInstructions, String supportEmail) {
	}

}
