package io.atrium.checkout;

import java.time.Instant;
import java.util.Optional;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.OfferForSale;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.ProductSummary;
import io.atrium.shared.EmailAddress;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What approval means inside the transaction that records it: the buyer's account (one
 * per e-mail, created pending on a first purchase) and {@link PurchaseApproved}. Nothing
 * else happens in that transaction: the enrolment, the purchase e-mail and every other
 * reaction are {@code @ApplicationModuleListener}s that run after it commits, so none of
 * them can roll back a charged purchase.
 */
@Component
class PurchaseApproval {

	private final Accounts accounts;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	PurchaseApproval(Accounts accounts, Catalog catalog, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.catalog = catalog;
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

	/**
	 * Publishes {@link PurchaseApproved}.
	 * @param purchase the approved purchase
	 * @param account the buyer's account
	 * @param known the purchase's offer when the caller already read it in this request,
	 * or null to read it now
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void announceApproval(Purchase purchase, Accounts.AccountSummary account, Optional<OfferForSale> known) {
		PurchaseTerms terms = purchase.terms();
		// the offer gives the delivery and whether a subscription starts, so listeners
		// with nothing to do (no plan, no members area) are not even registered; a
		// renewal starts none
		Optional<OfferForSale> offer = (known != null) ? known
				: (purchase.subscriptionId() == null) ? this.catalog.offerForSale(terms.offerCode()) : Optional.empty();
		DeliveryKind delivery = offer.map(OfferForSale::product)
			.or(() -> this.catalog.product(terms.productId()))
			.map(ProductSummary::delivery)
			.map((d) -> d.kind())
			.orElse(DeliveryKind.MEMBERS_AREA);
		Boolean startsPlan = (purchase.subscriptionId() != null) ? Boolean.FALSE
				: offer.map((o) -> o.paymentMode() == PaymentMode.RECURRING && o.plan() != null).orElse(null);
		this.events.publishEvent(new PurchaseApproved(terms.transaction(), purchase.id(), terms.productId(),
				terms.offerId(), terms.clubGroupId(), terms.producerAccountId(), account.id().value(),
				terms.buyer().email(), terms.price(), purchase.approvedAt(), delivery, purchase.subscriptionId(),
				startsPlan, purchase.recurrenceNumber()));
	}

}
