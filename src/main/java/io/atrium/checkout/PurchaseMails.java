package io.atrium.checkout;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.ProductSummary;
import io.atrium.checkout.internal.PurchaseMailRows;
import io.atrium.checkout.internal.PurchaseRows;
import io.atrium.notifications.Mailer;
import io.atrium.notifications.OutgoingMail;
import io.atrium.platform.BaseUrl;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The buyer's e-mails about a purchase: the purchase e-mail with the access instructions
 * (after {@link PurchaseApproved}) and the refund e-mail (after
 * {@link PurchaseRefunded}). Each runs after the payment's or refund's transaction
 * committed, in its own transaction, so a template or mail failure never rolls back a
 * purchase; a failure is retried through the event publication registry. Each e-mail is
 * queued at most once per purchase ({@link PurchaseMailRows#claim}), however often a
 * listener runs.
 */
@Component
class PurchaseMails {

	static final String PURCHASE = "PURCHASE";

	static final String REFUNDED = "REFUNDED";

	private final PurchaseRows purchases;

	private final PurchaseMailRows sent;

	private final Catalog catalog;

	private final Accounts accounts;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	private final Clock clock;

	PurchaseMails(PurchaseRows purchases, PurchaseMailRows sent, Catalog catalog, Accounts accounts, Mailer mailer,
			BaseUrl baseUrl, Clock clock) {
		this.purchases = purchases;
		this.sent = sent;
		this.catalog = catalog;
		this.accounts = accounts;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
		this.clock = clock;
	}

	// a renewal is not even registered for this listener (see the first check)
	@ApplicationModuleListener(condition = "#event.subscriptionId() == null")
	void on(PurchaseApproved event) {
		if (event.subscriptionId() != null) {
			// a renewal or plan-switch charge: the subscriptions module sends its receipt
			return;
		}
		Purchase purchase = this.purchases.find(event.purchaseId()).orElseThrow();
		if (purchase.imported() || !this.sent.claim(purchase.id(), purchase.terms().producerAccountId(), PURCHASE,
				this.clock.instant())) {
			return;
		}
		PurchaseTerms terms = purchase.terms();
		Optional<ProductSummary> product = this.catalog.product(terms.productId());
		Map<String, Object> variables = new HashMap<>();
		variables.put("transaction", terms.transaction());
		variables.put("productName", terms.productName());
		variables.put("buyerName", terms.buyer().name());
		variables.put("price", MoneyText.format(terms.price(), terms.buyer().locale()));
		if (terms.installments() > 1) {
			variables.put("installments", InstallmentsLine.paid(terms, terms.buyer().locale()));
		}
		variables.put("clubUrl", this.baseUrl.link("/club"));
		variables.put("purchasesUrl", this.baseUrl.link("/purchases"));
		boolean external = event.deliveryKind() == DeliveryKind.EXTERNAL;
		variables.put("external", external);
		product.ifPresent((p) -> {
			variables.put("supportEmail", p.supportEmail());
			if (external) {
				variables.put("externalUrl", p.delivery().externalUrl());
				variables.put("accessInstructions", p.delivery().accessInstructions());
			}
		});
		AccountId buyer = new AccountId(event.buyerAccountId());
		boolean pending = this.accounts.find(buyer).map((a) -> !a.active()).orElse(false);
		// external buyers need their account too: My purchases, the transaction, refunds
		if (pending) {
			variables.put("activationUrl", this.accounts.activationLink(buyer));
		}
		this.mailer
			.enqueue(new OutgoingMail(terms.buyer().email(), terms.buyer().locale(), "checkout.mail.purchase.subject",
					List.of(terms.productName(), terms.transaction()), "checkout/mail/purchase", variables));
	}

	@ApplicationModuleListener
	void on(PurchaseRefunded event) {
		Purchase purchase = this.purchases.find(event.purchaseId()).orElseThrow();
		if (purchase.imported() || !this.sent.claim(purchase.id(), purchase.terms().producerAccountId(), REFUNDED,
				this.clock.instant())) {
			return;
		}
		PurchaseTerms terms = purchase.terms();
		Map<String, Object> variables = new HashMap<>();
		variables.put("buyerName", terms.buyer().name());
		variables.put("productName", terms.productName());
		variables.put("transaction", terms.transaction());
		variables.put("price", MoneyText.format(terms.price(), terms.buyer().locale()));
		variables.put("purchasesUrl", this.baseUrl.link("/purchases"));
		this.mailer
			.enqueue(new OutgoingMail(terms.buyer().email(), terms.buyer().locale(), "checkout.mail.refunded.subject",
					List.of(terms.productName(), terms.transaction()), "checkout/mail/refunded", variables));
	}

}
