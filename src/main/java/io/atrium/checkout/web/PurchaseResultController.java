package io.atrium.checkout.web;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.accounts.Role;
import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.ProductSummary;
import io.atrium.checkout.InstallmentsLine;
import io.atrium.checkout.MoneyText;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.Purchases;
import io.atrium.checkout.RefundRefused;
import io.atrium.checkout.Refunds;
import io.atrium.checkout.internal.BilletLine;
import io.atrium.checkout.internal.SandboxGateway;
import io.atrium.media.Branding;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.atrium.checkout.Checkout;

/**
 * After the checkout: the purchase's result page (approved, or the PIX code / billet to
 * pay), and the sandbox's payment page where a pending PIX or billet can be marked paid
 * and where an admin can report a chargeback of a paid purchase. Both only for the
 * browser that made the purchase, and for admins.
 */
@Controller
class PurchaseResultController {

	private final Purchases purchases;

	private final Checkout checkout;

	private final PaymentsSession session;

	private final ObjectProvider<SandboxGateway> sandbox;

	private final Refunds refunds;

	private final ProducerTimeZones zones;

	private final Catalog catalog;

	private final Branding branding;

	PurchaseResultController(ProducerTimeZones zones, Purchases purchases, Checkout checkout, PaymentsSession session,
			ObjectProvider<SandboxGateway> sandbox, Refunds refunds, Catalog catalog, Branding branding) {
		this.branding = branding;
		this.zones = zones;
		this.catalog = catalog;
		this.refunds = refunds;
		this.purchases = purchases;
		this.checkout = checkout;
		this.session = session;
		this.sandbox = sandbox;
	}

	@GetMapping("/checkout/purchases/{transaction}")
	String result(@PathVariable String transaction, Model model, Locale locale, HttpSession http,
			HttpServletResponse response) {
		Purchase purchase = (this.session.mayView(http, transaction))
				? this.purchases.byTransaction(transaction).orElse(null) : null;
		if (purchase == null) {
			response.setStatus(404);
			return "checkout/unknown-offer";
		}
		ZoneId zone = this.zones.of(purchase.terms().producerAccountId());
		Optional<ProductSummary> product = this.catalog.product(purchase.terms().productId());
		model.addAttribute("buyerChrome", true);
		model.addAttribute("purchase", purchase);
		model.addAttribute("brand", this.branding.forProducer(purchase.terms().producerAccountId()).orElse(null));
		model.addAttribute("price", MoneyText.format(purchase.terms().price(), locale));
		model.addAttribute("installments", InstallmentsLine.paid(purchase.terms(), locale));
		model.addAttribute("expires", CheckoutController.date(purchase.payment().expiresAt(), zone, locale));
		model.addAttribute("billetLine", (purchase.payment().billetBarcode() != null)
				? BilletLine.format(purchase.payment().billetBarcode()) : null);
		model.addAttribute("refundUntil", CheckoutController.date(purchase.refundWindowEnd(), zone, locale));
		model.addAttribute("sandbox", this.sandbox.getIfAvailable() != null);
		model.addAttribute("subscription",
				purchase.subscriptionId() != null || this.catalog.offerForSale(purchase.terms().offerCode())
					.map((offer) -> offer.plan() != null)
					.orElse(false));
		model.addAttribute("product", product.orElse(null));
		model.addAttribute("courseUrl", product.map(PurchaseResultController::courseUrl).orElse("/club"));
		model.addAttribute("external", product.map((p) -> p.delivery().kind() == DeliveryKind.EXTERNAL).orElse(false));
		return "checkout/result";
	}

	/**
	 * @return where the buyer opens what they bought: the members area, or the external
	 * members area the product is delivered in
	 */
	static String courseUrl(ProductSummary product) {
		return (product.delivery().kind() == DeliveryKind.EXTERNAL && product.delivery().externalUrl() != null)
				? product.delivery().externalUrl() : "/club";
	}

	@GetMapping("/sandbox/payments/{chargeId}")
	String sandboxPage(@PathVariable String chargeId, Model model, Locale locale, HttpSession http,
			HttpServletResponse response, @AuthenticationPrincipal SignedInAccount me) {
		SandboxGateway gateway = this.sandbox.getIfAvailable();
		boolean admin = me != null && me.has(Role.ADMIN);
		SandboxGateway.SandboxCharge charge = (gateway != null && (admin || this.session.mayPay(http, chargeId)))
				? gateway.byId(chargeId).orElse(null) : null;
		if (charge == null) {
			response.setStatus(404);
			return "checkout/unknown-offer";
		}
		model.addAttribute("buyerChrome", true);
		model.addAttribute("charge", charge);
		model.addAttribute("amount", MoneyText.format(charge.amount(), locale));
		model.addAttribute("expires",
				CheckoutController.date(charge.charge().expiresAt(), this.zones.defaultZone(), locale));
		Purchase purchase = this.purchases.byTransaction(charge.charge().idempotencyKey()).orElse(null);
		model.addAttribute("purchaseStatus", (purchase != null) ? purchase.status().name() : null);
		model.addAttribute("mayChargeBack", admin && purchase != null && purchase.status().paid());
		return "checkout/sandbox-payment";
	}

	@PostMapping("/sandbox/payments/{chargeId}/chargeback")
	String chargeBack(@PathVariable String chargeId, @AuthenticationPrincipal SignedInAccount me,
			HttpServletResponse response) {
		SandboxGateway gateway = this.sandbox.getIfAvailable();
		if (gateway == null || me == null || !me.has(Role.ADMIN)) {
			response.setStatus(403);
			return "checkout/unknown-offer";
		}
		SandboxGateway.SandboxCharge charge = gateway.byId(chargeId).orElse(null);
		if (charge == null) {
			response.setStatus(404);
			return "checkout/unknown-offer";
		}
		try {
			this.refunds.chargeBack(charge.charge().idempotencyKey());
		}
		catch (RefundRefused ex) {
			response.setStatus(409);
			return "checkout/unknown-offer";
		}
		return "redirect:/sandbox/payments/" + chargeId;
	}

	@PostMapping("/sandbox/payments/{chargeId}/pay")
	String pay(@PathVariable String chargeId, HttpSession http, HttpServletResponse response) {
		SandboxGateway gateway = this.sandbox.getIfAvailable();
		if (gateway == null || !this.session.mayPay(http, chargeId)) {
			response.setStatus(404);
			return "checkout/unknown-offer";
		}
		gateway.markPaid(chargeId).flatMap(this.checkout::reconcile);
		String transaction = gateway.byId(chargeId).map((c) -> c.charge().idempotencyKey()).orElseThrow();
		return this.session.mayView(http, transaction) ? "redirect:/checkout/purchases/" + transaction
				: "redirect:/sandbox/payments/" + chargeId;
	}

}
