package io.atrium.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.atrium.accounts.Accounts;
import io.atrium.checkout.internal.PurchaseRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges a subscription's recurrences, each as a purchase, never twice. What the
 * subscriptions module uses; it knows nothing of the gateway.
 * <ol>
 * <li>one transaction finds or records the purchase of (subscription, recurrence): the
 * database allows one (a unique key), so two instances or a repeated run find the same
 * purchase; an already paid recurrence is answered as paid without a call. It opens a
 * gateway attempt, or keeps the one whose outcome was never recorded;</li>
 * <li>the gateway is called outside any transaction with the attempt's own idempotency
 * key (the transaction code, then {@code -2}, {@code -3}… for dunning retries): a
 * repeated call answers the charge already made;</li>
 * <li>a second transaction records the outcome: APPROVED (with {@link PurchaseApproved}
 * carrying the subscription id) or OVERDUE with the decline reason.</li>
 * </ol>
 * Every method manages its own transactions: call it outside one.
 */
@Service
public class RecurringCharges {

	private static final Logger log = LoggerFactory.getLogger(RecurringCharges.class);

	private final PaymentGateway gateway;

	private final PurchaseRows rows;

	private final PurchaseApproval approval;

	private final TransactionTemplate transaction;

	private final TransactionTemplate joined;

	private final Clock clock;

	RecurringCharges(PaymentGateway gateway, PurchaseRows rows, PurchaseApproval approval,
			PlatformTransactionManager transactions, Clock clock) {
		this.gateway = gateway;
		this.rows = rows;
		this.approval = approval;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.joined = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Charges one recurrence (or a plan upgrade's difference) at most once.
	 * @param request what to charge and with which payment method
	 * @return the outcome; {@link Outcome#unknown()} when the gateway could not be
	 * reached (a later call repeats the same attempt)
	 * @throws IllegalStateException when the recurrence's purchase was dropped (the
	 * subscription ended) or refunded
	 */
	public Outcome charge(RecurringCharge request) {
		Opened begun = begin(request);
		long purchaseId = begun.purchase().id();
		// decided on the locked purchase: another caller may have charged and settled it
		// since begin() read it, and opening a new attempt then would charge it again (a
		// purchase begin() just recorded has its first attempt open already)
		Opened opened = (begun.attempt() > 0) ? begun : this.transaction.execute((status) -> {
			Purchase locked = this.rows.lock(purchaseId).orElseThrow();
			if (locked.status().paid() || locked.status() == PurchaseStatus.REFUNDED
					|| locked.status() == PurchaseStatus.CHARGEBACK) {
				return new Opened(locked, 0);
			}
			if (locked.status() == PurchaseStatus.CANCELLED) {
				throw new IllegalStateException("Recurrence " + request.recurrenceNumber() + " of subscription "
						+ request.subscriptionId() + " was dropped (" + locked.transaction() + ")");
			}
			return new Opened(locked, this.rows.openAttempt(purchaseId));
		});
		Purchase purchase = opened.purchase();
		if (opened.attempt() == 0) {
			return Outcome.of(purchase, true);
		}
		int attempt = opened.attempt();
		String key = (attempt <= 1) ? purchase.transaction() : purchase.transaction() + "-" + attempt;
		if (request.card() == null && request.paymentToken() == null) {
			// no card on file (an imported subscription): refused as an invalid card
			// so that the buyer is asked for one
			return settle(purchase.id(), new Charge(null, key, ChargeStatus.DECLINED, DeclineReason.INVALID_CARD, null,
					null, null, null, null, null), attempt);
		}
		Charge charge;
		try {
			// what the recurrence's purchase records: every attempt charges the same
			charge = this.gateway.charge(new ChargeRequest(key, purchase.terms().price(), PaymentMethod.CARD,
					request.card(), request.buyer().name(), request.buyer().email(), request.productName(),
					(request.card() != null) ? null : request.paymentToken(), request.card() != null));
		}
		catch (RuntimeException ex) {
			log.warn("Gateway call for {} (attempt {}) failed; the next run repeats it", purchase.transaction(),
					attempt, ex);
			return Outcome.unknown(purchase);
		}
		return settle(purchase.id(), charge, attempt);
	}

	/**
	 * Finds the charge's purchase (attempt 0: the caller decides on the locked purchase
	 * whether to open one) or records it with its first attempt open, in one transaction.
	 */
	private Opened begin(RecurringCharge request) {
		String attemptId = (request.recurrenceNumber() != null)
				? attemptId(request.subscriptionId(), request.recurrenceNumber())
				: "sub:" + request.subscriptionId() + ":" + request.chargeKey();
		Optional<Purchase> earlier = this.rows.findByAttempt(attemptId);
		if (earlier.isPresent()) {
			return new Opened(earlier.get(), 0);
		}
		for (int tries = 0; tries < 5; tries++) {
			PurchaseTerms terms = new PurchaseTerms(TransactionCodes.next(), attemptId, request.offerId(),
					request.offerCode(), request.productId(), request.productName(), request.producerAccountId(),
					request.clubGroupId(), null, request.price(), request.price(), PaymentMethod.CARD, request.buyer(),
					this.clock.instant());
			try {
				return this.transaction.execute((status) -> {
					Purchase purchase = Purchase.startRecurring(terms, request.warrantyDays(), request.subscriptionId(),
							request.recurrenceNumber());
					long id = this.rows.insert(purchase);
					int attempt = this.rows.openAttempt(id);
					return new Opened(this.rows.find(id).orElseThrow(), attempt);
				});
			}
			catch (DuplicateKeyException ex) {
				earlier = this.rows.findByAttempt(attemptId);
				if (earlier.isPresent()) {
					return new Opened(earlier.get(), 0);
				}
				log.debug("Transaction code collision; drawing another", ex);
			}
		}
		throw new IllegalStateException("No free transaction code after 5 attempts");
	}

	private Outcome settle(long purchaseId, Charge charge, int attempt) {
		return this.transaction.execute((status) -> {
			Purchase purchase = this.rows.lock(purchaseId).orElseThrow();
			Instant now = this.clock.instant();
			PurchaseStatus current = purchase.status();
			if (charge.status() == ChargeStatus.APPROVED
					&& (current == PurchaseStatus.STARTED || current == PurchaseStatus.OVERDUE)) {
				purchase.recordCharge(charge);
				Accounts.AccountSummary buyer = this.approval.enroll(purchase, now);
				this.rows.update(purchase, now);
				this.approval.announceApproval(purchase, buyer, null);
			}
			else if (charge.status() == ChargeStatus.DECLINED
					&& (current == PurchaseStatus.STARTED || current == PurchaseStatus.OVERDUE)) {
				purchase.overdue(charge, now);
				this.rows.update(purchase, now);
			}
			this.rows.closeAttempt(purchaseId);
			return new Outcome(purchase, purchase.status().paid(), true, attempt);
		});
	}

	/**
	 * Ties a subscription's first purchase to the subscription it started. Joins the
	 * caller's transaction, if any.
	 * @param purchaseId the first purchase
	 * @param subscriptionId the subscription
	 * @param recurrenceNumber 1, or 0 for a free trial's sign-up
	 */
	public void attach(long purchaseId, long subscriptionId, int recurrenceNumber) {
		// joins: attached only if the subscription the caller inserts commits with it
		this.joined.executeWithoutResult((status) -> this.rows.attach(purchaseId, subscriptionId, recurrenceNumber));
	}

	/**
	 * @param subscriptionId a subscription
	 * @param recurrenceNumber one of its recurrences
	 * @return the attempt id (purchases' {@code checkout_attempt}) of the purchase that
	 * charges it, by which a charge finds it again
	 */
	static String attemptId(long subscriptionId, int recurrenceNumber) {
		return "sub:" + subscriptionId + ":r" + recurrenceNumber;
	}

	/**
	 * Drops a subscription's unpaid recurrences (it was cancelled): they are CANCELLED
	 * and never charged again.
	 * @param subscriptionId the subscription
	 * @return how many were dropped
	 */
	public int dropUnpaid(long subscriptionId) {
		return this.joined.execute((status) -> {
			int dropped = 0;
			Instant now = this.clock.instant();
			for (Purchase p : this.rows.ofSubscription(subscriptionId)) {
				if (p.status() == PurchaseStatus.OVERDUE) {
					Purchase locked = this.rows.lock(p.id()).orElseThrow();
					if (locked.status() == PurchaseStatus.OVERDUE) {
						locked.dropUnpaid(now);
						this.rows.update(locked, now);
						dropped++;
					}
				}
			}
			return dropped;
		});
	}

	/**
	 * Verifies a card and has the gateway keep it, charging nothing.
	 * @param key a key unique to this request (one verification per key)
	 * @param card the card typed
	 * @param buyer whose
	 * @param description what it is for
	 * @param currency the currency of the charges it is for
	 * @return the gateway's answer: APPROVED with the token, or DECLINED with the reason
	 */
	public Charge storeCard(String key, CardDetails card, Buyer buyer, String description, String currency) {
		return this.gateway.charge(new ChargeRequest(key, io.atrium.shared.Money.of(0, currency), PaymentMethod.CARD,
				card, buyer.name(), buyer.email(), description, null, true));
	}

	/**
	 * @param subscriptionId a subscription
	 * @return its purchases (every charge, paid or not), oldest first
	 */
	public List<Purchase> ofSubscription(long subscriptionId) {
		return this.rows.ofSubscription(subscriptionId);
	}

	/**
	 * @param purchaseId a purchase
	 * @return the purchase, with the token of the card it kept, if any
	 */
	public Optional<Purchase> purchase(long purchaseId) {
		return this.rows.find(purchaseId);
	}

	private record Opened(Purchase purchase, int attempt) {
	}

	/**
	 * One charge to make.
	 *
	 * @param subscriptionId the subscription
	 * @param recurrenceNumber the recurrence it pays, or null for a charge outside the
	 * recurrences (then {@code chargeKey} names it)
	 * @param chargeKey for a charge outside the recurrences, a key unique within the
	 * subscription (one purchase per key); ignored otherwise
	 * @param offerId the offer (plan) charged
	 * @param offerCode its code
	 * @param productId the product
	 * @param productName its name
	 * @param producerAccountId the producer
	 * @param clubGroupId the offer's group, or null
	 * @param price what to charge
	 * @param buyer the subscriber
	 * @param paymentToken the stored card to charge, when {@code card} is null
	 * @param card a card the buyer just typed (paying an overdue charge, updating the
	 * card): charged and stored; null to charge the stored one
	 * @param warrantyDays the refund guarantee of the charge
	 */
	public record RecurringCharge(long subscriptionId, Integer recurrenceNumber, String chargeKey, long offerId,
			String offerCode, long productId, String productName, long producerAccountId, Long clubGroupId,
			io.atrium.shared.Money price, Buyer buyer, String paymentToken, CardDetails card, int warrantyDays) {
	}

	/**
	 * What came of a charge.
	 *
	 * @param purchase the recurrence's purchase as it is now
	 * @param paid whether the recurrence is paid
	 * @param known false when the gateway could not be reached (nothing is known yet)
	 * @param attempt the gateway attempt this outcome is of (1 for the first), 0 when no
	 * call was made (the recurrence was already paid)
	 */
	public record Outcome(Purchase purchase, boolean paid, boolean known, int attempt) {

		static Outcome of(Purchase purchase, boolean paid) {
			return new Outcome(purchase, paid, true, 0);
		}

		static Outcome unknown(Purchase purchase) {
			return new Outcome(purchase, false, false, 0);
		}

		/**
		 * @return why the card was refused, when it was; null otherwise
		 */
		public DeclineReason declineReason() {
			return (this.paid || !this.known) ? null : this.purchase.payment().declineReason();
		}

	}

}
