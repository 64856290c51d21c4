package io.atrium.checkout;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.ProductSummary;
import io.atrium.notifications.Mailer;
import io.atrium.notifications.OutgoingMail;
import io.atrium.platform.BaseUrl;
import io.atrium.shared.EmailAddress;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What approval means, inside the transaction that records it: the buyer's account (one
 * per e-mail, created pending on a first purchase), {@link PurchaseApproved}, and the
 * purchase e-mail in the buyer's language with the access instructions.
 */
@Component
class PurchaseApproval {

	private final Accounts accounts;

	private final Catalog catalog;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	private final ApplicationEventPublisher events;

	PurchaseApproval(Accounts accounts, Catalog catalog, Mailer mailer, BaseUrl baseUrl,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.catalog = catalog;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Accounts.AccountSummary enroll(Purchase purchase, Instant at) {
		Buyer buyer = purchase.terms().buyer();
		Accounts.AccountSummary account = this.accounts
			.ensureStudent(EmailAddress.of(buyer.email()), buyer.name(), buyer.locale())
			.account();
		purchase.approve(account.id().value(), at);
		return account;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void announceApproval(Purchase purchase, Accounts.AccountSummary account) {
		PurchaseTerms terms = purchase.terms();
		this.events.publishEvent(new PurchaseApproved(terms.transaction(), purchase.id(), terms.productId(),
				terms.offerId(), terms.clubGroupId(), terms.producerAccountId(), account.id().value(),
				terms.buyer().email(), terms.price(), purchase.approvedAt()));
		Optional<ProductSummary> product = this.catalog.product(terms.productId());
		Map<String, Object> variables = new HashMap<>();
		variables.put("transaction", terms.transaction());
		variables.put("productName", terms.productName());
		variables.put("buyerName", terms.buyer().name());
		variables.put("price", MoneyText.format(terms.price(), terms.buyer().locale()));
		variables.put("clubUrl", this.baseUrl.link("/club"));
		variables.put("purchasesUrl", this.baseUrl.link("/purchases"));
		boolean external = product.map((p) -> p.delivery().kind() == DeliveryKind.EXTERNAL).orElse(false);
		variables.put("external", external);
		product.ifPresent((p) -> {
			variables.put("supportEmail", p.supportEmail());
			if (external) {
				variables.put("externalUrl", p.delivery().externalUrl());
				variables.put("accessInstructions", p.delivery().accessInstructions());
			}
		});
		// external buyers need their account too: My purchases, the transaction, refunds
		if (!account.active()) {
			variables.put("activationUrl", this.accounts.activationLink(account.id()));
		}
		this.mailer
			.enqueue(new OutgoingMail(terms.buyer().email(), terms.buyer().locale(), "checkout.mail.purchase.subject",
					List.of(terms.productName(), terms.transaction()), "checkout/mail/purchase", variables));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void announceChanges(Purchase purchase, List<Purchase.StatusChange> changes) {
		for (Purchase.StatusChange change : changes) {
			this.events.publishEvent(new PurchaseStatusChanged(purchase.transaction(), purchase.id(),
					purchase.terms().producerAccountId(), change.from(), change.to(), change.at()));
		}
	}

}
