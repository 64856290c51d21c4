package io.atrium.webhooks;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.OfferForSale;
import io.atrium.catalog.ProductSummary;
import io.atrium.checkout.Buyer;
import io.atrium.checkout.PaymentDetails;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.PurchaseTerms;
import io.atrium.shared.EmailAddress;
import io.atrium.subscriptions.Requester;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.Subscriptions;
import io.atrium.webhooks.payload.Price;
import io.atrium.webhooks.payload.PurchaseData;

import org.springframework.stereotype.Component;

/**
 * Builds the {@code data} of the purchase events (hotmart-api.md §8.2) from the purchase
 * and what the catalog, accounts and subscriptions modules tell of it.
 */
@Component
class PurchasePayloads {

	private final Catalog catalog;

	private final Accounts accounts;

	private final Subscriptions subscriptions;

	PurchasePayloads(Catalog catalog, Accounts accounts, Subscriptions subscriptions) {
		this.catalog = catalog;
		this.accounts = accounts;
		this.subscriptions = subscriptions;
	}

	/**
	 * @param purchase the purchase
	 * @return the subscription it charges, when it is one's
	 */
	Optional<Subscription> subscriptionOf(Purchase purchase) {
		if (purchase.subscriptionId() == null) {
			return Optional.empty();
		}
		// an unpaid renewal has no buyer account of its own: the subscriber's e-mail has
		Long subscriber = (purchase.buyerAccountId() != null) ? purchase.buyerAccountId()
				: this.accounts.findByEmail(EmailAddress.of(purchase.terms().buyer().email()))
					.map((a) -> a.id().value())
					.orElse(null);
		if (subscriber == null) {
			return Optional.empty();
		}
		return this.subscriptions.ofBuyer(subscriber)
			.stream()
			.filter((s) -> s.id() != null && s.id().longValue() == purchase.subscriptionId())
			.filter((s) -> Requester.producer(purchase.terms().producerAccountId()).maySee(s))
			.findFirst();
	}

	/**
	 * @param purchase the purchase
	 * @param status the status the event announces (the purchase may have moved on)
	 * @param subscription its subscription, or null
	 * @return the event's data
	 */
	PurchaseData build(Purchase purchase, PurchaseStatus status, Subscription subscription) {
		PurchaseTerms t = purchase.terms();
		Optional<ProductSummary> product = this.catalog.product(t.productId());
		String ucode = product.map((p) -> p.ucode().toString()).orElse("");
		String currency = t.price().currency().getCurrencyCode();
		PurchaseData.Product productData = new PurchaseData.Product(t.productId(), ucode, t.productName(), false,
				warrantyDate(purchase), product.map(ProductSummary::supportEmail).orElse(""), false,
				new PurchaseData.Content(false,
						List.of(new PurchaseData.ContentProduct(t.productId(), ucode, t.productName(), false))));
		String producerName = this.accounts.find(new AccountId(t.producerAccountId()))
			.map(Accounts.AccountSummary::name)
			.orElse("");
		List<PurchaseData.Commission> commissions = List.of(
				new PurchaseData.Commission(Price.amount(t.price().withAmount(0)), currency, "MARKETPLACE"),
				new PurchaseData.Commission(Price.amount(t.price()), currency, "PRODUCER"));
		return new PurchaseData(productData, List.of(PurchaseData.Affiliate.NONE), buyer(t.buyer(), country(t)),
				new PurchaseData.Producer(producerName, "", ""), commissions,
				purchaseInfo(purchase, status, subscription), subscription(subscription));
	}

	private PurchaseData.Purchase purchaseInfo(Purchase purchase, PurchaseStatus status, Subscription subscription) {
		PurchaseTerms t = purchase.terms();
		String offerName = this.catalog.offerForSale(t.offerCode()).map(OfferForSale::name).orElse("");
		Instant nextCharge = (subscription != null)
				? ((subscription.nextChargeAt() != null) ? subscription.nextChargeAt() : subscription.dateNextCharge())
				: null;
		Integer recurrence = purchase.recurrenceNumber();
		return new PurchaseData.Purchase(millis(purchase.approvedAt()), Price.of(t.price()), Price.of(t.listPrice()),
				Price.of(t.price()),
				new PurchaseData.Offer(t.offerCode(), (t.couponCode() != null) ? t.couponCode() : "", offerName, ""),
				(recurrence != null) ? recurrence : 1, false, country(t), PurchaseData.Origin.NONE,
				new PurchaseData.OrderBump(false), t.createdAt().toEpochMilli(), millis(nextCharge), status.name(),
				t.transaction(), payment(purchase, status), "HOTMART", false, "I",
				(purchase.buyerIp() != null) ? purchase.buyerIp() : "");
	}

	private static PurchaseData.Payment payment(Purchase purchase, PurchaseStatus status) {
		PaymentDetails p = purchase.payment();
		PaymentMethod method = purchase.terms().method();
		boolean refused = status == PurchaseStatus.CANCELLED || status == PurchaseStatus.NO_FUNDS
				|| status == PurchaseStatus.OVERDUE;
		String refusal = (refused && p.declineReason() != null) ? p.declineReason().name() : null;
		boolean pix = method == PaymentMethod.PIX;
		return new PurchaseData.Payment((method == PaymentMethod.BILLET) ? p.billetBarcode() : null, null,
				purchase.terms().installments(), pix ? p.pixCode() : null, pix ? millis(p.expiresAt()) : null,
				pix ? p.pixCode() : null, refusal, method.paymentType());
	}

	static PurchaseData.Subscription subscription(Subscription s) {
		if (s == null) {
			return null;
		}
		return new PurchaseData.Subscription(s.status().name(),
				new PurchaseData.Plan(s.plan().offerId(), s.plan().name()), new PurchaseData.Subscriber(s.code()));
	}

	static PurchaseData.Buyer buyer(Buyer buyer, PurchaseData.Country country) {
		String name = buyer.name().strip();
		int space = name.indexOf(' ');
		String first = (space > 0) ? name.substring(0, space) : name;
		String last = (space > 0) ? name.substring(space + 1).strip() : "";
		String document = (buyer.document() != null) ? buyer.document() : "";
		String digits = document.replaceAll("\\D", "");
		String type = (digits.length() == 11) ? "CPF" : (digits.length() == 14) ? "CNPJ" : "";
		return new PurchaseData.Buyer(buyer.email(), name, first, last, "", "", document, type,
				new PurchaseData.Address("", country.name(), "", "", "", "", "", "", country.iso()));
	}

	/**
	 * The checkout's country: the country of the checkout's language when it names one
	 * ({@code pt-BR}), Brazil for a sale in reais, unknown otherwise.
	 */
	static PurchaseData.Country country(PurchaseTerms t) {
		Locale locale = t.buyer().locale();
		String iso = (locale != null && !locale.getCountry().isEmpty()) ? locale.getCountry()
				: "BRL".equals(t.price().currency().getCurrencyCode()) ? "BR" : "";
		if (iso.isEmpty()) {
			return PurchaseData.Country.UNKNOWN;
		}
		return new PurchaseData.Country(new Locale("", iso).getDisplayCountry(Locale.forLanguageTag("pt-BR")), iso);
	}

	private static String warrantyDate(Purchase purchase) {
		Instant start = (purchase.approvedAt() != null) ? purchase.approvedAt() : purchase.terms().createdAt();
		Instant end = start.plus(purchase.warrantyDays(), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		return DateTimeFormatter.ISO_INSTANT.format(end);
	}

	static Long millis(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

}
