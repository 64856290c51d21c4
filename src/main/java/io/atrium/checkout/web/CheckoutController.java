package io.atrium.checkout.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.accounts.ProducerTimeZones;
import io.atrium.catalog.OfferForSale;
import io.atrium.checkout.Buyer;
import io.atrium.checkout.CardDetails;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.CheckoutRefused;
import io.atrium.checkout.CheckoutRequest;
import io.atrium.checkout.InstallmentsLine;
import io.atrium.checkout.MoneyText;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.Quote;
import io.atrium.media.Branding;
import io.atrium.platform.Dates;
import io.atrium.shared.EmailAddress;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public checkout page of an offer: quote (with a coupon), buyer data, payment. Each
 * rendering carries a fresh one-time {@code checkout_attempt}; posting it twice answers
 * the first purchase.
 */
@Controller
class CheckoutController {

	private final Checkout checkout;

	private final PaymentsSession session;

	private final boolean sandbox;

	private final ProducerTimeZones zones;

	private final Branding branding;

	private final Accounts accounts;

	CheckoutController(ProducerTimeZones zones, Checkout checkout, PaymentsSession session, Accounts accounts,
			@Value("${atrium.payments.gateway:sandbox}") String gateway, Branding branding) {
		this.branding = branding;
		this.zones = zones;
		this.accounts = accounts;
		this.checkout = checkout;
		this.session = session;
		this.sandbox = "sandbox".equals(gateway);
	}

	@GetMapping("/checkout/{offerCode}")
	String page(@PathVariable String offerCode, @RequestParam(required = false) String coupon, Model model,
			Locale locale, HttpServletResponse response, HttpSession http) {
		OfferForSale offer;
		try {
			offer = this.checkout.offer(offerCode);
		}
		catch (CheckoutRefused ex) {
			return unavailable(ex, response, model);
		}
		this.session.prepare(http);
		return render(offer, CheckoutForm.empty(newAttempt(), coupon), Map.of(), null, model, locale);
	}

	@PostMapping("/checkout/{offerCode}")
	String submit(@PathVariable String offerCode, @ModelAttribute CheckoutForm form,
			@RequestParam(name = "checkout_attempt", required = false) String attempt,
			@RequestParam(defaultValue = "pay") String action, Model model, Locale locale, HttpServletResponse response,
			HttpSession http, jakarta.servlet.http.HttpServletRequest request) {
		form = form.withAttempt(validAttempt(attempt));
		OfferForSale offer;
		try {
			offer = this.checkout.offer(offerCode);
		}
		catch (CheckoutRefused ex) {
			return unavailable(ex, response, model);
		}
		if ("apply".equals(action)) {
			return render(offer, form.retry(form.attempt()), Map.of(), null, model, locale);
		}
		Map<String, String> errors = validate(form, brazilian(offer), offer.maxInstallments());
		if (!errors.isEmpty()) {
			response.setStatus(422);
			return render(offer, form.retry(form.attempt()), errors, null, model, locale);
		}
		PaymentMethod method = PaymentMethod.valueOf(form.method());
		CardDetails card = (method == PaymentMethod.CARD) ? card(form) : null;
		Purchase purchase;
		try {
			purchase = this.checkout
				.checkout(new CheckoutRequest("page:" + form.attempt(), offerCode, form.trimmed(form.coupon()),
						new Buyer(form.trimmed(form.name()), EmailAddress.of(form.email()).value(),
								blankToNull(form.document()), locale),
						method, card, null, request.getRemoteAddr(),
						(method == PaymentMethod.CARD) ? form.installmentsCount() : null));
		}
		catch (CheckoutRefused ex) {
			response.setStatus(422);
			Map<String, String> refusal = switch (ex.reason()) {
				case CARD_REQUIRED -> Map.of("method", "checkout.error.card-required");
				case INSTALLMENTS_NOT_ALLOWED -> Map.of("installments", "checkout-page.error.installments");
				default -> Map.of();
			};
			return render(offer, form.retry(form.attempt()), refusal, null, model, locale);
		}
		if (purchase.status() == PurchaseStatus.CANCELLED || purchase.status() == PurchaseStatus.NO_FUNDS) {
			response.setStatus(402);
			return render(offer, form.retry(newAttempt()), Map.of(), purchase.payment().declineReason().name(), model,
					locale);
		}
		this.session.remember(http, purchase);
		return "redirect:/checkout/purchases/" + purchase.transaction();
	}

	private String render(OfferForSale offer, CheckoutForm form, Map<String, String> errors, String declined,
			Model model, Locale locale) {
		Quote quote = this.checkout.quote(offer, form.coupon());
		model.addAttribute("offer", offer);
		model.addAttribute("brand", this.branding.forProducer(offer.product().producerAccountId()).orElse(null));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("declined", declined);
		model.addAttribute("quote", quote);
		model.addAttribute("listPrice", MoneyText.format(quote.listPrice(), locale));
		model.addAttribute("total", MoneyText.format(quote.price(), locale));
		model.addAttribute("discount", MoneyText.format(quote.discount(), locale));
		model.addAttribute("couponRefusal", (quote.refusal() != null) ? quote.refusal().reason().name() : null);
		model.addAttribute("couponBoundary", date(quote.refusal() != null ? quote.refusal().boundary() : null,
				this.zones.of(offer.product().producerAccountId()), locale));
		model.addAttribute("sandbox", this.sandbox);
		model.addAttribute("buyerChrome", true);
		model.addAttribute("producerName",
				this.accounts.find(new AccountId(offer.product().producerAccountId()))
					.map(Accounts.AccountSummary::name)
					.orElse(""));
		model.addAttribute("brazilian", brazilian(offer));
		// installments split the price after the coupon; a plan is charged per period
		boolean installments = offer.plan() == null && offer.maxInstallments() > 1;
		model.addAttribute("installmentChoices",
				installments ? InstallmentsLine.choices(quote.price(), offer.maxInstallments(), locale) : List.of());
		return "checkout/checkout";
	}

	/**
	 * @return the instant in the seller's time zone, written by {@link Dates}; null for
	 * null
	 */
	static String date(Instant instant, ZoneId sellerZone, Locale locale) {
		return (instant != null) ? Dates.show(instant, sellerZone, locale) : null;
	}

	/** A buyer paying in reais has a CPF or CNPJ, checked by its check digits. */
	private static boolean brazilian(OfferForSale offer) {
		return "BRL".equals(offer.price().currency().getCurrencyCode());
	}

	private static Map<String, String> validate(CheckoutForm form, boolean brazilian, int maxInstallments) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = form.trimmed(form.name());
		if (name.isEmpty() || name.length() > 200) {
			errors.put("name", "checkout.error.name");
		}
		if (!EmailAddress.isValidInput(form.email())) {
			errors.put("email", "checkout.error.email");
		}
		else if (!form.trimmed(form.email()).equalsIgnoreCase(form.trimmed(form.emailConfirmation()))) {
			errors.put("emailConfirmation", "checkout.error.email-confirmation");
		}
		String document = form.trimmed(form.document());
		if (document.length() > 30) {
			errors.put("document", "checkout.error.document");
		}
		else if (brazilian && !document.isEmpty() && !TaxDocument.isValid(document)) {
			errors.put("document", "checkout-page.error.document");
		}
		PaymentMethod method;
		try {
			method = PaymentMethod.valueOf(form.trimmed(form.method()));
		}
		catch (IllegalArgumentException ex) {
			errors.put("method", "checkout.error.method");
			return errors;
		}
		if (method == PaymentMethod.CARD) {
			if (!form.trimmed(form.cardNumber()).replaceAll("[\\s-]", "").matches("\\d{12,19}")) {
				errors.put("cardNumber", "checkout.error.card-number");
			}
			if (form.trimmed(form.cardHolder()).isEmpty()) {
				errors.put("cardHolder", "checkout.error.card-holder");
			}
			if (form.expiryMonth() == 0 || form.expiryYear() == 0) {
				errors.put("cardExpiry", "checkout-page.error.card-expiry");
			}
			if (!form.trimmed(form.cardCvc()).matches("\\d{3,4}")) {
				errors.put("cardCvc", "checkout.error.card-cvc");
			}
			int installments = form.installmentsCount();
			if (installments < 1 || installments > maxInstallments) {
				errors.put("installments", "checkout-page.error.installments");
			}
		}
		return errors;
	}

	private static CardDetails card(CheckoutForm form) {
		return new CardDetails(form.cardNumber(), form.trimmed(form.cardHolder()), form.expiryMonth(),
				form.expiryYear(), form.trimmed(form.cardCvc()));
	}

	private static String unavailable(CheckoutRefused ex, HttpServletResponse response, Model model) {
		model.addAttribute("buyerChrome", true);
		response.setStatus((ex.reason() == CheckoutRefused.Reason.NOT_FOR_SALE) ? 410 : 404);
		return (ex.reason() == CheckoutRefused.Reason.NOT_FOR_SALE) ? "checkout/not-for-sale"
				: "checkout/unknown-offer";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static String validAttempt(String attempt) {
		try {
			return UUID.fromString(attempt).toString();
		}
		catch (RuntimeException ex) {
			return newAttempt();
		}
	}

	private static String newAttempt() {
		return UUID.randomUUID().toString();
	}

}
