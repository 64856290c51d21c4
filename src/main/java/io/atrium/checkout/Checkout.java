package io.atrium.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.OfferForSale;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.ProductStatus;
import io.atrium.checkout.internal.PurchaseRows;
import io.atrium.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sells an offer without ever charging twice. A checkout runs in three steps:
 * <ol>
 * <li>one transaction records the purchase {@link PurchaseStatus#STARTED} under the
 * checkout's one-time attempt id (unique: a second submit finds the first purchase and
 * charges nothing) and commits;</li>
 * <li>the {@link PaymentGateway} is called outside any transaction with the purchase's
 * transaction code as idempotency key;</li>
 * <li>a second transaction records the outcome (approval, decline, pending
 * PIX/billet).</li>
 * </ol>
 * A crash between 2 and 3 leaves the purchase STARTED; a retry of the same checkout (the
 * same attempt id) charges with the same key, which the gateway answers with the charge
 * it already made, if any, and records the outcome; without a retry,
 * {@link #recoverStarted()} (a db-scheduler task) asks the gateway for the charge by its
 * key and records the outcome. Each step holds one pooled connection at most, and none
 * during the gateway call. Every method here manages its own transactions: call it
 * outside one.
 */
@Service
public class Checkout {

	/** How long a purchase may stay STARTED before recovery looks at it. */
	public static final Duration RECOVERY_AFTER = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(Checkout.class);

	private final Catalog catalog;

	private final PaymentGateway gateway;

	private final PurchaseRows rows;

	private final PurchaseApproval approval;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Checkout(Catalog catalog, PaymentGateway gateway, PurchaseRows rows, PurchaseApproval approval,
			PlatformTransactionManager transactions, Clock clock) {
		this.catalog = catalog;
		this.gateway = gateway;
		this.rows = rows;
		this.approval = approval;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * @param offerCode an offer code
	 * @return the offer, when its product is for sale
	 * @throws CheckoutRefused {@code UNKNOWN_OFFER} or {@code NOT_FOR_SALE}
	 */
	public OfferForSale offer(String offerCode) {
		OfferForSale offer = ((offerCode != null) ? this.catalog.offerForSale(offerCode)
				: Optional.<OfferForSale>empty())
			.orElseThrow(() -> new CheckoutRefused(CheckoutRefused.Reason.UNKNOWN_OFFER, null, null,
					"No offer " + offerCode + "."));
		if (offer.product().status() != ProductStatus.ACTIVE) {
			throw new CheckoutRefused(CheckoutRefused.Reason.NOT_FOR_SALE, null, null,
					"The product of offer " + offerCode + " is not for sale.");
		}
		return offer;
	}

	/**
	 * @param offer the offer
	 * @param couponCode a coupon code, or null/blank for none
	 * @return the price, with the coupon's discount when it applies now
	 */
	public Quote quote(OfferForSale offer, String couponCode) {
		if (couponCode == null || couponCode.isBlank()) {
			return Quote.of(offer, null);
		}
		return Quote.of(offer, this.catalog.checkCoupon(offer.code(), couponCode.trim(), this.clock.instant()));
	}

	/**
	 * Records, charges and settles one checkout (see the class comment). A request whose
	 * attempt was seen before answers that purchase as it is now, charging nothing,
	 * unless it is still STARTED: then it is charged with its own key (at most once,
	 * whoever asks) and settled.
	 * @param request the checkout
	 * @return the purchase: APPROVED, pending (WAITING_PAYMENT, PRINTED_BILLET), refused
	 * (CANCELLED, NO_FUNDS with a decline reason), or STARTED when the gateway could not
	 * be reached (recovery settles it)
	 * @throws CheckoutRefused for an unknown offer, a product not for sale or a refused
	 * coupon; nothing is recorded
	 */
	public Purchase checkout(CheckoutRequest request) {
		Started started = begin(request);
		Purchase purchase = started.purchase();
		PurchaseTerms terms = purchase.terms();
		if (!started.created() && (purchase.status() != PurchaseStatus.STARTED
				|| (terms.method() == PaymentMethod.CARD && request.card() == null))) {
			return purchase;
		}
		// A new purchase, or a retry of one whose outcome was never recorded (its request
		// died, or still runs): charging again with the same key is safe, the gateway
		// answers the charge it already made for it, and settling twice changes nothing.
		// a plan keeps the card for its renewals; a free trial only verifies and keeps it
		Optional<OfferForSale> offer = (started.offer() != null) ? Optional.of(started.offer())
				: this.catalog.offerForSale(terms.offerCode());
		boolean plan = offer.map((o) -> o.paymentMode() == PaymentMode.RECURRING).orElse(false);
		Charge charge;
		try {
			charge = this.gateway.charge(new ChargeRequest(terms.transaction(), terms.price(), terms.method(),
					request.card(), terms.buyer().name(), terms.buyer().email(), terms.productName(), null,
					plan && terms.method() == PaymentMethod.CARD, terms.installments()));
		}
		catch (RuntimeException ex) {
			log.warn("Gateway call for {} failed; recovery will settle it", terms.transaction(), ex);
			return purchase;
		}
		return settle(purchase.id(), charge, offer);
	}

	Started begin(CheckoutRequest request) {
		Optional<Purchase> earlier = this.rows.findByAttempt(request.attempt());
		if (earlier.isPresent()) {
			return new Started(earlier.get(), false, null);
		}
		OfferForSale offer = offer(request.offerCode());
		if (request.sellerAccountId() != null && offer.product().producerAccountId() != request.sellerAccountId()) {
			throw new CheckoutRefused(CheckoutRefused.Reason.UNKNOWN_OFFER, null, null,
					"No offer " + request.offerCode() + ".");
		}
		Quote quote = quote(offer, request.couponCode());
		if (quote.refusal() != null) {
			throw new CheckoutRefused(CheckoutRefused.Reason.COUPON_REFUSED, quote.refusal().reason(),
					quote.refusal().boundary(),
					"Coupon " + request.couponCode() + " refused: " + quote.refusal().reason());
		}
		boolean plan = offer.paymentMode() == PaymentMode.RECURRING && offer.plan() != null;
		if (plan && request.method() != PaymentMethod.CARD) {
			throw new CheckoutRefused(CheckoutRefused.Reason.CARD_REQUIRED, null, null,
					"Offer " + offer.code() + " is a plan: it is paid by card, which is kept for its renewals.");
		}
		// a free trial charges nothing now: the card is verified and kept for the first
		// charge
		Money price = (plan && offer.plan().trialDays() > 0) ? quote.price().withAmount(0) : quote.price();
		int installments = installments(offer, request);
		for (int attempt = 0; attempt < 5; attempt++) {
			PurchaseTerms terms = new PurchaseTerms(TransactionCodes.next(), request.attempt(), offer.offerId(),
					offer.code(), offer.product().id(), offer.product().name(), offer.product().producerAccountId(),
					offer.clubGroupId(), quote.couponCode(), quote.listPrice(), price, request.method(),
					request.buyer(), this.clock.instant(), installments);
			try {
				return this.transaction.execute((status) -> {
					Purchase purchase = Purchase.start(terms, offer.product().warrantyDays())
						.fromAddress(request.buyerIp());
					long id = this.rows.insert(purchase);
					Purchase saved = this.rows.find(id).orElseThrow();
					return new Started(saved, true, offer);
				});
			}
			catch (DuplicateKeyException ex) {
				earlier = this.rows.findByAttempt(request.attempt());
				if (earlier.isPresent()) {
					return new Started(earlier.get(), false, null);
				}
				log.debug("Transaction code collision; drawing another", ex);
			}
		}
		throw new IllegalStateException("No free transaction code after 5 attempts");
	}

	/**
	 * @return the installments asked for (1 when none), when the offer and method allow
	 * them
	 * @throws CheckoutRefused {@code INSTALLMENTS_NOT_ALLOWED}
	 */
	private static int installments(OfferForSale offer, CheckoutRequest request) {
		int asked = (request.installments() != null) ? request.installments() : 1;
		if (asked > 1 && request.method() != PaymentMethod.CARD) {
			throw new CheckoutRefused(CheckoutRefused.Reason.INSTALLMENTS_NOT_ALLOWED, null, null,
					"Installments are for card payments only; " + request.method() + " is paid at once.");
		}
		if (asked < 1 || asked > offer.maxInstallments()) {
			throw new CheckoutRefused(CheckoutRefused.Reason.INSTALLMENTS_NOT_ALLOWED, null, null,
					"Offer " + offer.code() + " can be paid in 1 to " + offer.maxInstallments() + " installments, not "
							+ asked + ".");
		}
		return asked;
	}

	/**
	 * Records what the gateway says of a purchase's charge. Does nothing when the
	 * purchase already moved past what the charge says (a second call is harmless).
	 * @param purchaseId the purchase
	 * @param charge its charge as the gateway reports it now
	 * @return the purchase after it
	 */
	Purchase settle(long purchaseId, Charge charge) {
		return settle(purchaseId, charge, null);
	}

	private Purchase settle(long purchaseId, Charge charge, Optional<OfferForSale> offer) {
		return this.transaction.execute((status) -> {
			Purchase purchase = this.rows.lock(purchaseId).orElseThrow();
			Instant now = this.clock.instant();
			PurchaseStatus current = purchase.status();
			boolean undecided = current == PurchaseStatus.STARTED || current.pending();
			switch (charge.status()) {
				case APPROVED -> {
					if (undecided) {
						purchase.recordCharge(charge);
						Accounts.AccountSummary buyer = this.approval.enroll(purchase, now);
						save(purchase, now);
						this.approval.announceApproval(purchase, buyer, offer);
						return purchase;
					}
				}
				case DECLINED -> {
					if (current == PurchaseStatus.STARTED) {
						purchase.decline(charge, now);
					}
				}
				case PENDING -> {
					if (current == PurchaseStatus.STARTED) {
						purchase.awaitPayment(charge, now);
					}
				}
				case EXPIRED -> {
					if (current.pending()) {
						purchase.expire(now);
					}
				}
				case REFUNDED -> log.warn("Charge of {} was refunded at the gateway", purchase.transaction());
			}
			save(purchase, now);
			return purchase;
		});
	}

	private void save(Purchase purchase, Instant now) {
		if (!purchase.changes().isEmpty()) {
			this.rows.update(purchase, now);
		}
	}

	/**
	 * Asks the gateway for a purchase's charge and records what it says: used when a
	 * processor tells that a pending payment was made (the sandbox page does).
	 * @param transaction the purchase's transaction code
	 * @return the purchase after it, empty when there is no such purchase
	 */
	public Optional<Purchase> reconcile(String transaction) {
		Optional<Purchase> purchase = this.rows.findByTransaction(transaction);
		if (purchase.isEmpty()) {
			return Optional.empty();
		}
		return this.gateway.find(transaction).map((charge) -> settle(purchase.get().id(), charge)).or(() -> purchase);
	}

	/**
	 * Settles purchases left STARTED for more than {@link #RECOVERY_AFTER} (a crash or a
	 * gateway failure between charge and record): the gateway's charge for the key
	 * decides; when the gateway has none, nothing was charged and the purchase is
	 * cancelled.
	 * @return how many purchases it settled
	 */
	public int recoverStarted() {
		int settled = 0;
		for (long id : this.rows.startedBefore(this.clock.instant().minus(RECOVERY_AFTER), 100)) {
			Purchase purchase = this.rows.find(id).orElseThrow();
			try {
				Optional<Charge> charge = this.gateway.find(purchase.transaction());
				if (charge.isPresent()) {
					settle(id, charge.get());
				}
				else {
					abandon(id);
				}
				settled++;
			}
			catch (RuntimeException ex) {
				log.warn("Could not recover purchase {}", purchase.transaction(), ex);
			}
		}
		return settled;
	}

	private void abandon(long id) {
		this.transaction.executeWithoutResult((status) -> {
			Purchase purchase = this.rows.lock(id).orElseThrow();
			if (purchase.status() == PurchaseStatus.STARTED) {
				Instant now = this.clock.instant();
				purchase.abandon(now);
				save(purchase, now);
			}
		});
	}

	/**
	 * Expires PIX and billet purchases whose payment time is over, unless the gateway
	 * says they were paid meanwhile (then they are approved).
	 * @return how many purchases it looked at
	 */
	public int expirePending() {
		int done = 0;
		for (long id : this.rows.pendingExpiredBy(this.clock.instant(), 100)) {
			Purchase purchase = this.rows.find(id).orElseThrow();
			try {
				Optional<Charge> charge = this.gateway.expire(purchase.transaction());
				if (charge.isPresent()) {
					settle(id, charge.get());
				}
				done++;
			}
			catch (RuntimeException ex) {
				log.warn("Could not expire purchase {}", purchase.transaction(), ex);
			}
		}
		return done;
	}

	/**
	 * @param purchase the purchase
	 * @param created whether this request recorded it
	 * @param offer its offer as read by this request, null when it found an earlier
	 * purchase
	 */
	record Started(Purchase purchase, boolean created, OfferForSale offer) {
	}

}
