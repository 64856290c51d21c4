package io.atrium.checkout.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.ProductSummary;
import io.atrium.checkout.MoneyText;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.Purchases;
import io.atrium.checkout.RefundRefused;
import io.atrium.checkout.Refunds;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My purchases": every purchase of the signed-in account, across producers; never
 * another's. Inside the guarantee a purchase can be asked to be refunded from here.
 */
@Controller
class MyPurchasesController {

	private final Purchases purchases;

	private final Catalog catalog;

	private final Refunds refunds;

	private final Clock clock;

	private final ProducerTimeZones zones;

	MyPurchasesController(ProducerTimeZones zones, Purchases purchases, Catalog catalog, Refunds refunds, Clock clock) {
		this.zones = zones;
		this.purchases = purchases;
		this.catalog = catalog;
		this.refunds = refunds;
		this.clock = clock;
	}

	@GetMapping("/purchases")
	String purchases(@AuthenticationPrincipal SignedInAccount me, Model model, Locale locale) {
		Instant now = this.clock.instant();
		List<Row> rows = this.purchases.ofBuyer(me.accountId().value())
			.stream()
			.map((p) -> row(p, this.catalog.product(p.terms().productId()).orElse(null),
					this.zones.of(p.terms().producerAccountId()), locale, now))
			.toList();
		model.addAttribute("me", me);
		model.addAttribute("rows", rows);
		return "checkout/purchases";
	}

	@PostMapping("/purchases/{transaction}/refund-request")
	String requestRefund(@AuthenticationPrincipal SignedInAccount me, @PathVariable String transaction, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.refunds.requestRefund(me.accountId().value(), transaction);
			redirect.addFlashAttribute("notice", "checkout.refund.requested");
		}
		catch (RefundRefused ex) {
			redirect.addFlashAttribute("problem", RefundMessages.key(ex));
			redirect.addFlashAttribute("problemDate",
					CheckoutController.date(ex.windowEnd(), this.zones.defaultZone(), locale));
		}
		redirect.addFlashAttribute("transaction", transaction);
		return "redirect:/purchases";
	}

	private static Row row(Purchase purchase, ProductSummary product, java.time.ZoneId zone, Locale locale,
			Instant now) {
		boolean external = product != null && product.delivery().kind() == DeliveryKind.EXTERNAL;
		boolean approved = purchase.status() == PurchaseStatus.APPROVED;
		return new Row(purchase.terms().productName(), purchase.transaction(),
				CheckoutController.date(purchase.terms().createdAt(), zone, locale),
				MoneyText.format(purchase.terms().price(), locale), purchase.status().name(), purchase.status().paid(),
				external, external ? product.delivery().externalUrl() : null,
				external ? product.delivery().accessInstructions() : null,
				(product != null) ? product.supportEmail() : null,
				approved && purchase.refundRequestedAt() == null && purchase.withinRefundWindow(now),
				approved && purchase.refundRequestedAt() != null,
				CheckoutController.date(purchase.refundWindowEnd(), zone, locale), purchase.subscriptionId() != null);
	}

	/**
	 * One purchase; {@code subscription} when it is a charge of a subscription (managed
	 * on My subscriptions).
	 */
	record Row(String product, String transaction, String date, String price, String status, boolean paid,
			boolean external, String externalUrl, String accessInstructions, String supportEmail, boolean refundable,
			boolean refundRequested, String windowEnd, boolean subscription) {
	}

}
