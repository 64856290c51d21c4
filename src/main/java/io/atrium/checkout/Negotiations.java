package io.atrium.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.atrium.checkout.internal.PurchaseRows;
import io.atrium.checkout.internal.SandboxGateway;
import io.atrium.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges a subscription's installment negotiation: one PIX or billet purchase for the
 * unpaid recurrences it settles, made at most once per negotiation key, in the same three
 * steps as a checkout (record STARTED, call the gateway outside any transaction with the
 * transaction code as idempotency key, record the pending charge). When the buyer pays,
 * {@link Checkout#reconcile(String)} approves the purchase like any other, and
 * {@link PurchaseApproved} (carrying the subscription id) tells the subscriptions module.
 * A purchase left STARTED by a crash is settled by {@link Checkout#recoverStarted()}; an
 * unpaid one expires with the others. Every method manages its own transactions.
 */
@Service
public class Negotiations {

	private static final Logger log = LoggerFactory.getLogger(Negotiations.class);

	private final PaymentGateway gateway;

	private final PurchaseRows rows;

	private final ObjectProvider<SandboxGateway> sandbox;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Negotiations(PaymentGateway gateway, PurchaseRows rows, ObjectProvider<SandboxGateway> sandbox,
			PlatformTransactionManager transactions, Clock clock) {
		this.gateway = gateway;
		this.rows = rows;
		this.sandbox = sandbox;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Makes (or finds) the negotiation's charge.
	 * @param request what to charge and how
	 * @return the purchase: WAITING_PAYMENT (PIX) or PRINTED_BILLET with what to pay
	 * with, or STARTED when the gateway could not be reached (recovery settles it)
	 * @throws IllegalArgumentException when the method is a card (negotiations are paid
	 * by PIX or billet)
	 */
	public Negotiated charge(NegotiationCharge request) {
		if (request.method() == PaymentMethod.CARD) {
			throw new IllegalArgumentException("A negotiation is paid by PIX or billet");
		}
		Purchase purchase = begin(request);
		if (purchase.status() == PurchaseStatus.STARTED) {
			Charge charge = null;
			try {
				charge = this.gateway
					.charge(ChargeRequest.once(purchase.transaction(), request.amount(), request.method(), null,
							request.buyer().name(), request.buyer().email(), request.productName()));
			}
			catch (RuntimeException ex) {
				log.warn("Gateway call for negotiation {} failed; recovery will settle it", purchase.transaction(), ex);
			}
			if (charge != null) {
				purchase = settle(purchase.id(), charge);
			}
		}
		return new Negotiated(purchase, paymentPage(purchase));
	}

	private Purchase begin(NegotiationCharge request) {
		String attempt = "sub:" + request.subscriptionId() + ":neg:" + request.key();
		Optional<Purchase> earlier = this.rows.findByAttempt(attempt);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		for (int tries = 0; tries < 5; tries++) {
			PurchaseTerms terms = new PurchaseTerms(TransactionCodes.next(), attempt, request.offerId(),
					request.offerCode(), request.productId(), request.productName(), request.producerAccountId(),
					request.clubGroupId(), null, request.amount(), request.amount(), request.method(), request.buyer(),
					this.clock.instant());
			try {
				return this.transaction.execute((status) -> {
					Purchase purchase = Purchase.startRecurring(terms, request.warrantyDays(), request.subscriptionId(),
							null);
					long id = this.rows.insert(purchase);
					// not a card attempt: nothing for the renewal run to repeat
					this.rows.closeAttempt(id);
					return this.rows.find(id).orElseThrow();
				});
			}
			catch (DuplicateKeyException ex) {
				earlier = this.rows.findByAttempt(attempt);
				if (earlier.isPresent()) {
					return earlier.get();
				}
				log.debug("Transaction code collision; drawing another", ex);
			}
		}
		throw new IllegalStateException("No free transaction code after 5 attempts");
	}

	private Purchase settle(long purchaseId, Charge charge) {
		return this.transaction.execute((status) -> {
			Purchase purchase = this.rows.lock(purchaseId).orElseThrow();
			Instant now = this.clock.instant();
			if (purchase.status() == PurchaseStatus.STARTED && charge.status() == ChargeStatus.PENDING) {
				purchase.awaitPayment(charge, now);
			}
			else if (purchase.status() == PurchaseStatus.STARTED && charge.status() == ChargeStatus.DECLINED) {
				purchase.decline(charge, now);
			}
			if (!purchase.changes().isEmpty()) {
				this.rows.update(purchase, now);
			}
			return purchase;
		});
	}

	/**
	 * @param purchase a negotiation's purchase
	 * @return the path of the page where it can be paid (the sandbox's payment page), or
	 * null when the processor has none
	 */
	public String paymentPage(Purchase purchase) {
		String chargeId = purchase.payment().chargeId();
		return (chargeId != null && this.sandbox.getIfAvailable() != null) ? "/sandbox/payments/" + chargeId : null;
	}

	/**
	 * One negotiation's charge.
	 *
	 * @param key unique to the negotiation: one purchase per subscription and key
	 * @param subscriptionId the subscription
	 * @param offerId its plan's offer
	 * @param offerCode the offer's code
	 * @param productId the product
	 * @param productName its name
	 * @param producerAccountId the producer
	 * @param clubGroupId the offer's group, or null
	 * @param amount what to charge (the recurrences less the discount), positive
	 * @param buyer the subscriber, with the document a billet needs
	 * @param method PIX or BILLET
	 * @param warrantyDays the refund guarantee of the charge
	 */
	public record NegotiationCharge(String key, long subscriptionId, long offerId, String offerCode, long productId,
			String productName, long producerAccountId, Long clubGroupId, Money amount, Buyer buyer,
			PaymentMethod method, int warrantyDays) {
	}

	/**
	 * A negotiation's charge as it is now.
	 *
	 * @param purchase the purchase
	 * @param paymentPage the path of a page where it can be paid (the sandbox's payment
	 * page), or null when the processor has none
	 */
	public record Negotiated(Purchase purchase, String paymentPage) {
	}

}
