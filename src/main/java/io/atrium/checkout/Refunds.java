package io.atrium.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.checkout.internal.PurchaseRows;
import io.atrium.notifications.Mailer;
import io.atrium.notifications.OutgoingMail;
import io.atrium.platform.BaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds, refund requests, chargebacks and the end of the guarantee.
 * <p>
 * The refund window of a purchase ends at {@code approvedAt + warrantyDays} (the
 * product's guarantee when it was bought). Inside it the buyer may ask for a refund
 * ({@link #requestRefund}); the producer refunds ({@link #refund}), or the platform does
 * when a request is {@link #AUTO_REFUND_AFTER} old ({@link #refundOverdueRequests()}, a
 * db-scheduler task). A request made inside the window stays honoured after it ends.
 * APPROVED purchases without a request become COMPLETE when the window ends
 * ({@link #completeEnded()}, a db-scheduler task).
 * <p>
 * A refund calls {@link PaymentGateway#refund(String)} outside any database transaction
 * (idempotent by the transaction code), then records REFUNDED and publishes
 * {@link PurchaseRefunded}; the end of access and the buyer's refund e-mail are its
 * after-commit listeners. A purchase is never refunded twice. Every method here manages
 * its own transactions: call it outside one.
 */
@Service
public class Refunds {

	/**
	 * How long a refund request may wait for the producer before the platform refunds.
	 */
	public static final Duration AUTO_REFUND_AFTER = Duration.ofDays(5);

	private static final Logger log = LoggerFactory.getLogger(Refunds.class);

	private final PurchaseRows rows;

	private final PaymentGateway gateway;

	private final Accounts accounts;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Refunds(PurchaseRows rows, PaymentGateway gateway, Accounts accounts, Mailer mailer, BaseUrl baseUrl,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.rows = rows;
		this.gateway = gateway;
		this.accounts = accounts;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * The buyer asks for a refund of one of their purchases, inside its refund window;
	 * the producer is told by e-mail. Asking again changes nothing.
	 * @param buyerAccountId the signed-in buyer
	 * @param transaction the purchase's transaction code
	 * @return the purchase with its request
	 * @throws RefundRefused {@code NOT_FOUND} for another buyer's purchase,
	 * {@code ALREADY_REFUNDED}, or {@code NOT_ELIGIBLE} with the window end (outside the
	 * window, or not APPROVED)
	 */
	public Purchase requestRefund(long buyerAccountId, String transaction) {
		return this.transaction.execute((status) -> {
			Purchase purchase = this.rows.findByTransaction(transaction)
				.filter((p) -> p.buyerAccountId() != null && p.buyerAccountId() == buyerAccountId)
				.flatMap((p) -> this.rows.lock(p.id()))
				.orElseThrow(() -> new RefundRefused(RefundRefused.Reason.NOT_FOUND, transaction, null, null));
			refuseUnlessApproved(purchase);
			Instant now = this.clock.instant();
			if (purchase.requestRefund(now)) {
				this.rows.update(purchase, now);
				notifyProducer(purchase);
			}
			return purchase;
		});
	}

	/**
	 * The producer refunds one of their purchases: APPROVED and inside the window, or
	 * with a refund request made inside it.
	 * @param producerAccountId the producer
	 * @param transaction the purchase's transaction code
	 * @return the purchase, REFUNDED
	 * @throws RefundRefused {@code NOT_FOUND} (another producer's purchase or none),
	 * {@code ALREADY_REFUNDED} (the gateway is not called again), or {@code NOT_ELIGIBLE}
	 * with the status and the window end
	 */
	public Purchase refund(long producerAccountId, String transaction) {
		Purchase purchase = this.rows.findByTransaction(transaction)
			.filter((p) -> p.terms().producerAccountId() == producerAccountId)
			.orElseThrow(() -> new RefundRefused(RefundRefused.Reason.NOT_FOUND, transaction, null, null));
		return refund(purchase);
	}

	/**
	 * Refunds requests left unanswered for {@link #AUTO_REFUND_AFTER}.
	 * @return how many it refunded
	 */
	public int refundOverdueRequests() {
		int done = 0;
		for (long id : this.rows.refundRequestedBefore(this.clock.instant().minus(AUTO_REFUND_AFTER), 100)) {
			try {
				refund(this.rows.find(id).orElseThrow());
				done++;
			}
			catch (RuntimeException ex) {
				log.warn("Could not refund overdue request of purchase {}", id, ex);
			}
		}
		return done;
	}

	/**
	 * Moves APPROVED purchases without a refund request to COMPLETE once their window
	 * ended.
	 * @return how many it completed
	 */
	public int completeEnded() {
		int done = 0;
		for (long id : this.rows.windowEndedBy(this.clock.instant(), 500)) {
			Boolean completed = this.transaction.execute((status) -> {
				Purchase purchase = this.rows.lock(id).orElseThrow();
				Instant now = this.clock.instant();
				if (purchase.status() != PurchaseStatus.APPROVED || purchase.refundRequestedAt() != null
						|| purchase.withinRefundWindow(now)) {
					return false;
				}
				purchase.complete(now);
				this.rows.update(purchase, now);
				return true;
			});
			done += Boolean.TRUE.equals(completed) ? 1 : 0;
		}
		return done;
	}

	/**
	 * Records a chargeback reported by the processor (the sandbox page lets an admin
	 * report one): CHARGEBACK and {@link PurchaseChargedBack}.
	 * @param transaction the purchase's transaction code
	 * @return the purchase, CHARGEBACK
	 * @throws RefundRefused {@code NOT_FOUND}, or {@code NOT_ELIGIBLE} when it is not
	 * APPROVED or COMPLETE
	 */
	public Purchase chargeBack(String transaction) {
		return this.transaction.execute((status) -> {
			Purchase purchase = this.rows.findByTransaction(transaction)
				.flatMap((p) -> this.rows.lock(p.id()))
				.orElseThrow(() -> new RefundRefused(RefundRefused.Reason.NOT_FOUND, transaction, null, null));
			if (!purchase.status().paid()) {
				throw new RefundRefused(RefundRefused.Reason.NOT_ELIGIBLE, transaction, purchase.status(),
						purchase.refundWindowEnd());
			}
			Instant now = this.clock.instant();
			purchase.chargeback(now);
			this.rows.update(purchase, now);
			PurchaseTerms terms = purchase.terms();
			this.events.publishEvent(new PurchaseChargedBack(purchase.id(), terms.transaction(), terms.productId(),
					terms.clubGroupId(), purchase.buyerAccountId(), terms.producerAccountId(), now));
			return purchase;
		});
	}

	/**
	 * @param producerAccountId a producer
	 * @return the producer's APPROVED purchases with a pending refund request, oldest
	 * first
	 */
	public List<Purchase> pendingRequests(long producerAccountId) {
		return this.rows.refundRequestsOf(producerAccountId);
	}

	private Purchase refund(Purchase found) {
		refuseUnlessRefundable(found, this.clock.instant());
		this.gateway.refund(found.transaction());
		return this.transaction.execute((status) -> {
			Purchase purchase = this.rows.lock(found.id()).orElseThrow();
			Instant now = this.clock.instant();
			if (purchase.status() == PurchaseStatus.REFUNDED) {
				throw new RefundRefused(RefundRefused.Reason.ALREADY_REFUNDED, purchase.transaction(),
						purchase.status(), purchase.refundWindowEnd());
			}
			if (!purchase.status().paid()) {
				// charged back meanwhile: the gateway refund stays on record at the
				// processor
				throw new RefundRefused(RefundRefused.Reason.NOT_ELIGIBLE, purchase.transaction(), purchase.status(),
						purchase.refundWindowEnd());
			}
			// APPROVED, or COMPLETE when the guarantee task ran while the gateway
			// refunded
			purchase.refund(now);
			this.rows.update(purchase, now);
			PurchaseTerms terms = purchase.terms();
			this.events.publishEvent(new PurchaseRefunded(purchase.id(), terms.transaction(), terms.productId(),
					terms.clubGroupId(), purchase.buyerAccountId(), terms.producerAccountId(), now));
			return purchase;
		});
	}

	private void refuseUnlessRefundable(Purchase purchase, Instant now) {
		refuseUnlessApproved(purchase);
		if (!purchase.refundable(now)) {
			throw new RefundRefused(RefundRefused.Reason.NOT_ELIGIBLE, purchase.transaction(), purchase.status(),
					purchase.refundWindowEnd());
		}
	}

	private static void refuseUnlessApproved(Purchase purchase) {
		if (purchase.status() == PurchaseStatus.REFUNDED) {
			throw new RefundRefused(RefundRefused.Reason.ALREADY_REFUNDED, purchase.transaction(), purchase.status(),
					purchase.refundWindowEnd());
		}
		if (purchase.status() != PurchaseStatus.APPROVED) {
			throw new RefundRefused(RefundRefused.Reason.NOT_ELIGIBLE, purchase.transaction(), purchase.status(),
					purchase.refundWindowEnd());
		}
	}

	private void notifyProducer(Purchase purchase) {
		if (purchase.imported()) {
			return;
		}
		PurchaseTerms terms = purchase.terms();
		Optional<Accounts.AccountSummary> producer = this.accounts.find(new AccountId(terms.producerAccountId()));
		producer.ifPresent((p) -> {
			Map<String, Object> variables = new HashMap<>();
			variables.put("producerName", p.name());
			variables.put("productName", terms.productName());
			variables.put("transaction", terms.transaction());
			variables.put("buyerName", terms.buyer().name());
			variables.put("buyerEmail", terms.buyer().email());
			variables.put("refundsUrl", this.baseUrl.link("/business/refunds"));
			this.mailer.enqueue(new OutgoingMail(p.email(), p.locale(), "checkout.mail.refund-requested.subject",
					List.of(terms.productName(), terms.transaction()), "checkout/mail/refund-requested", variables));
		});
	}

}
