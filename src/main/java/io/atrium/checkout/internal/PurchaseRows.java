package io.atrium.checkout.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.atrium.checkout.Buyer;
import io.atrium.checkout.DeclineReason;
import io.atrium.checkout.PaymentDetails;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.PurchaseStatusChanged;
import io.atrium.checkout.PurchaseTerms;
import io.atrium.shared.Money;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code purchases} and {@code purchase_status_history} tables. Every status change
 * of a purchase is saved here, so this is where {@link PurchaseStatusChanged} is
 * published (in the caller's transaction).
 */
@Repository
public class PurchaseRows {

	static final String COLUMNS = "id, transaction_code, checkout_attempt, status, offer_id, offer_code, "
			+ "product_id, product_name, producer_account_id, club_group_id, coupon_code, list_amount_minor, "
			+ "amount_minor, currency, payment_method, buyer_name, buyer_email, buyer_document, buyer_locale, "
			+ "buyer_account_id, gateway_charge_id, card_brand, card_last4, pix_code, billet_barcode, "
			+ "payment_expires_at, decline_reason, created_at, approved_at, warranty_days, refund_requested_at, imported, "
			+ "subscription_id, recurrence_number, payment_token, buyer_ip, installments";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	PurchaseRows(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Inserts a new purchase and its recorded changes.
	 * @param purchase a started purchase
	 * @return its id
	 * @throws org.springframework.dao.DuplicateKeyException when the attempt or the
	 * transaction code exists
	 */
	public long insert(Purchase purchase) {
		PurchaseTerms t = purchase.terms();
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO purchases (transaction_code, checkout_attempt, status, offer_id, offer_code, product_id,
				  product_name, producer_account_id, club_group_id, coupon_code, list_amount_minor, amount_minor,
				  currency, payment_method, payment_type, buyer_name, buyer_email, buyer_document, buyer_locale,
				  created_at, updated_at, warranty_days, imported, subscription_id, recurrence_number, attempt_open,
				  buyer_ip, installments)
				VALUES (:tx, :attempt, :status, :offerId, :offerCode, :productId, :productName, :producer, :group,
				  :coupon, :list, :amount, :currency, :method, :type, :name, :email, :document, :locale, :at, :at,
				  :warranty, :imported, :subscription, :recurrence, :open, :ip, :installments)
				""")
			.param("ip", purchase.buyerIp())
			.param("installments", t.installments())
			.param("subscription", purchase.subscriptionId())
			.param("recurrence", purchase.recurrenceNumber())
			.param("open", purchase.subscriptionId() != null)
			.param("warranty", purchase.warrantyDays())
			.param("imported", purchase.imported())
			.param("tx", t.transaction())
			.param("attempt", t.checkoutAttempt())
			.param("status", purchase.status().name())
			.param("offerId", t.offerId())
			.param("offerCode", t.offerCode())
			.param("productId", t.productId())
			.param("productName", t.productName())
			.param("producer", t.producerAccountId())
			.param("group", t.clubGroupId())
			.param("coupon", t.couponCode())
			.param("list", t.listPrice().amountMinor())
			.param("amount", t.price().amountMinor())
			.param("currency", t.price().currency().getCurrencyCode())
			.param("method", t.method().name())
			.param("type", t.method().paymentType())
			.param("name", t.buyer().name())
			.param("email", t.buyer().email())
			.param("document", t.buyer().document())
			.param("locale", t.buyer().locale().toLanguageTag())
			.param("at", Times.utc(t.createdAt()))
			.update(key, "id");
		long id = key.getKey().longValue();
		insertChanges(id, purchase);
		return id;
	}

	/**
	 * Saves the status, payment and buyer of a purchase and appends its recorded changes.
	 * @param purchase a stored purchase
	 * @param now when
	 */
	public void update(Purchase purchase, Instant now) {
		PaymentDetails p = purchase.payment();
		this.jdbc.sql("""
				UPDATE purchases SET status = :status, buyer_account_id = :buyer, gateway_charge_id = :charge,
				  card_brand = :brand, card_last4 = :last4, pix_code = :pix, billet_barcode = :billet,
				  payment_expires_at = :expires, decline_reason = :reason, approved_at = :approved, updated_at = :now,
				  refund_window_ends_at = :windowEnd, refund_requested_at = :requested,
				  refunded_at = COALESCE(refunded_at, CAST(:refunded AS TIMESTAMP WITH TIME ZONE)),
				  payment_token = COALESCE(CAST(:token AS VARCHAR(64)), payment_token),
				  subscription_id = COALESCE(CAST(:subscription AS BIGINT), subscription_id),
				  recurrence_number = COALESCE(CAST(:recurrence AS INTEGER), recurrence_number)
				WHERE id = :id
				""")
			.param("token", purchase.paymentToken())
			.param("subscription", purchase.subscriptionId())
			.param("recurrence", purchase.recurrenceNumber())
			.param("windowEnd", Times.utc(purchase.refundWindowEnd()))
			.param("requested", Times.utc(purchase.refundRequestedAt()))
			.param("refunded",
					(purchase.status() == PurchaseStatus.REFUNDED || purchase.status() == PurchaseStatus.CHARGEBACK)
							? Times.utc(now) : null)
			.param("status", purchase.status().name())
			.param("buyer", purchase.buyerAccountId())
			.param("charge", p.chargeId())
			.param("brand", p.cardBrand())
			.param("last4", p.cardLast4())
			.param("pix", p.pixCode())
			.param("billet", p.billetBarcode())
			.param("expires", Times.utc(p.expiresAt()))
			.param("reason", (p.declineReason() != null) ? p.declineReason().name() : null)
			.param("approved", Times.utc(purchase.approvedAt()))
			.param("now", Times.utc(now))
			.param("id", purchase.id())
			.update();
		insertChanges(purchase.id(), purchase);
	}

	private void insertChanges(long id, Purchase purchase) {
		for (Purchase.StatusChange change : purchase.changes()) {
			this.jdbc
				.sql("INSERT INTO purchase_status_history (purchase_id, producer_account_id, from_status, to_status, "
						+ "reason, changed_at) VALUES (?, ?, ?, ?, ?, ?)")
				.params(id, purchase.terms().producerAccountId(), (change.from() != null) ? change.from().name() : null,
						change.to().name(), change.reason(), Times.utc(change.at()))
				.update();
			if (!purchase.imported()) {
				this.events.publishEvent(new PurchaseStatusChanged(id, purchase.transaction(),
						purchase.terms().productId(), purchase.terms().producerAccountId(), purchase.buyerAccountId(),
						change.from(), change.to(), change.reason(), change.at(), purchase.subscriptionId()));
			}
		}
	}

	/**
	 * @param id a purchase id
	 * @return the purchase, its row locked until the transaction ends
	 */
	public Optional<Purchase> lock(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE id = ? FOR UPDATE")
			.param(id)
			.query(PurchaseRows::purchase)
			.optional();
	}

	public Optional<Purchase> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE id = ?")
			.param(id)
			.query(PurchaseRows::purchase)
			.optional();
	}

	public Optional<Purchase> findByAttempt(String attempt) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE checkout_attempt = ?")
			.param(attempt)
			.query(PurchaseRows::purchase)
			.optional();
	}

	public Optional<Purchase> findByTransaction(String transaction) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE transaction_code = ?")
			.param(transaction)
			.query(PurchaseRows::purchase)
			.optional();
	}

	/**
	 * @param buyerAccountId a buyer
	 * @return the buyer's purchases, newest first
	 */
	public List<Purchase> ofBuyer(long buyerAccountId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE buyer_account_id = ? ORDER BY id DESC")
			.param(buyerAccountId)
			.query(PurchaseRows::purchase)
			.list();
	}

	/**
	 * @param before a time
	 * @param limit how many at most
	 * @return ids of purchases still {@code STARTED} since before that time, oldest first
	 */
	public List<Long> startedBefore(Instant before, int limit) {
		return this.jdbc.sql("SELECT id FROM purchases WHERE status = 'STARTED' AND created_at < ? ORDER BY id")
			.param(Times.utc(before))
			.query(Long.class)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	/**
	 * Checkouts left unpaid: purchases started in {@code [from, to)} that were never paid
	 * (still started, a PIX never paid, a refused card, an expired PIX or billet),
	 * outside a subscription's renewals, and that are the buyer's last attempt at the
	 * product (a later purchase of it by the same e-mail supersedes them).
	 * @param from the earliest start, inclusive
	 * @param to the latest start, exclusive
	 * @param afterId only purchases with a greater id (a cursor), or 0
	 * @param limit how many at most
	 * @return the purchases, by id
	 */
	public List<Purchase> unpaidStartedBetween(Instant from, Instant to, long afterId, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM purchases p WHERE p.created_at >= :from AND p.created_at < :to AND p.id > :after
				  AND p.subscription_id IS NULL AND p.imported = FALSE
				  AND p.status IN ('STARTED', 'WAITING_PAYMENT', 'CANCELLED', 'NO_FUNDS', 'EXPIRED')
				  AND NOT EXISTS (SELECT 1 FROM purchases q WHERE q.buyer_email = p.buyer_email
				    AND q.product_id = p.product_id AND q.id > p.id)
				ORDER BY p.id LIMIT :limit
				""")
			.param("from", Times.utc(from))
			.param("to", Times.utc(to))
			.param("after", afterId)
			.param("limit", limit)
			.query(PurchaseRows::purchase)
			.list();
	}

	/**
	 * @param now a time
	 * @param limit how many at most
	 * @return ids of purchases waiting for a PIX or billet payment that expired by then
	 */
	public List<Long> pendingExpiredBy(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT id FROM purchases WHERE status IN ('WAITING_PAYMENT', 'PRINTED_BILLET') "
					+ "AND payment_expires_at <= ? ORDER BY id")
			.param(Times.utc(now))
			.query(Long.class)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	/**
	 * @param now a time
	 * @param limit how many at most
	 * @return ids of APPROVED purchases without a refund request whose window ended by
	 * then
	 */
	public List<Long> windowEndedBy(Instant now, int limit) {
		return ids("SELECT id FROM purchases WHERE status = 'APPROVED' AND refund_requested_at IS NULL "
				+ "AND refund_window_ends_at <= ? ORDER BY id", Times.utc(now), limit);
	}

	/**
	 * @param before a time
	 * @param limit how many at most
	 * @return ids of APPROVED purchases with a refund request made before that time
	 */
	public List<Long> refundRequestedBefore(Instant before, int limit) {
		return ids("SELECT id FROM purchases WHERE status = 'APPROVED' AND refund_requested_at <= ? ORDER BY id",
				Times.utc(before), limit);
	}

	/**
	 * @param producerAccountId a producer
	 * @return the producer's APPROVED purchases with a pending refund request, oldest
	 * request first
	 */
	public List<Purchase> refundRequestsOf(long producerAccountId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM purchases WHERE producer_account_id = ? AND status = 'APPROVED' "
					+ "AND refund_requested_at IS NOT NULL ORDER BY refund_requested_at, id")
			.param(producerAccountId)
			.query(PurchaseRows::purchase)
			.list();
	}

	/**
	 * @param producerAccountId a producer
	 * @return how many purchases the producer has, in any status
	 */
	public long countOfProducer(long producerAccountId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM purchases WHERE producer_account_id = ?")
			.param(producerAccountId)
			.query(Long.class)
			.single();
	}

	private List<Long> ids(String sql, Object time, int limit) {
		return this.jdbc.sql(sql).param(time).query(Long.class).list().stream().limit(limit).toList();
	}

	/**
	 * Inserts an imported purchase with its status, dates and history as given.
	 * @param purchase the purchase (restored-like, without an id)
	 * @param history its status changes, oldest first
	 * @param updatedAt the time of its last change
	 * @return its id
	 */
	public long insertImported(Purchase purchase, List<Purchase.StatusChange> history, Instant updatedAt) {
		long id = insert(purchase);
		Purchase withId = Purchase
			.restore(id, purchase.terms(), purchase.status(), purchase.payment(), purchase.buyerAccountId(),
					purchase.approvedAt(), purchase.warrantyDays(), purchase.refundRequestedAt(), true)
			.withSubscription(purchase.subscriptionId(), purchase.recurrenceNumber(), purchase.paymentToken());
		update(withId, updatedAt);
		for (Purchase.StatusChange change : history) {
			this.jdbc
				.sql("INSERT INTO purchase_status_history (purchase_id, producer_account_id, from_status, to_status, "
						+ "reason, changed_at) VALUES (?, ?, ?, ?, ?, ?)")
				.params(id, purchase.terms().producerAccountId(), (change.from() != null) ? change.from().name() : null,
						change.to().name(), change.reason(), Times.utc(change.at()))
				.update();
		}
		return id;
	}

	/**
	 * Sets how many gateway attempts an imported charge of a subscription had, all
	 * settled, so the next charge of it makes the attempt after them.
	 * @param purchaseId the imported purchase
	 * @param attempts how many attempts were made
	 */
	public void settleImportedAttempts(long purchaseId, int attempts) {
		this.jdbc.sql("UPDATE purchases SET charge_attempts = ?, attempt_open = FALSE WHERE id = ? AND imported = TRUE")
			.params(attempts, purchaseId)
			.update();
	}

	/**
	 * @param purchaseId a purchase
	 * @return its status history, oldest first
	 */
	public List<Purchase.StatusChange> history(long purchaseId) {
		return this.jdbc
			.sql("SELECT from_status, to_status, reason, changed_at FROM purchase_status_history "
					+ "WHERE purchase_id = ? ORDER BY id")
			.param(purchaseId)
			.query((rs, n) -> new Purchase.StatusChange(
					(rs.getString(1) != null) ? PurchaseStatus.valueOf(rs.getString(1)) : null,
					PurchaseStatus.valueOf(rs.getString(2)), Times.instant(rs, 4), rs.getString(3)))
			.list();
	}

	static Purchase purchase(ResultSet rs, int row) throws SQLException {
		Money list = Money.of(rs.getLong("list_amount_minor"), rs.getString("currency"));
		PurchaseTerms terms = new PurchaseTerms(rs.getString("transaction_code"), rs.getString("checkout_attempt"),
				rs.getLong("offer_id"), rs.getString("offer_code"), rs.getLong("product_id"),
				rs.getString("product_name"), rs.getLong("producer_account_id"),
				(Long) rs.getObject("club_group_id", Long.class), rs.getString("coupon_code"), list,
				list.withAmount(rs.getLong("amount_minor")), PaymentMethod.valueOf(rs.getString("payment_method")),
				new Buyer(rs.getString("buyer_name"), rs.getString("buyer_email"), rs.getString("buyer_document"),
						Locale.forLanguageTag(rs.getString("buyer_locale"))),
				Times.instant(rs, "created_at"), rs.getInt("installments"));
		String reason = rs.getString("decline_reason");
		PaymentDetails payment = new PaymentDetails(rs.getString("gateway_charge_id"), rs.getString("card_brand"),
				rs.getString("card_last4"), rs.getString("pix_code"), rs.getString("billet_barcode"),
				Times.instant(rs, "payment_expires_at"), (reason != null) ? DeclineReason.valueOf(reason) : null);
		return Purchase
			.restore(rs.getLong("id"), terms, PurchaseStatus.valueOf(rs.getString("status")), payment,
					rs.getObject("buyer_account_id", Long.class), Times.instant(rs, "approved_at"),
					rs.getInt("warranty_days"), Times.instant(rs, "refund_requested_at"), rs.getBoolean("imported"))
			.withSubscription(rs.getObject("subscription_id", Long.class),
					rs.getObject("recurrence_number", Integer.class), rs.getString("payment_token"))
			.fromAddress(rs.getString("buyer_ip"));
	}

	/**
	 * @param subscriptionId a subscription
	 * @param recurrenceNumber one of its recurrences
	 * @return the purchase that charges it, its row locked until the transaction ends
	 */
	public Optional<Purchase> lockRecurrence(long subscriptionId, int recurrenceNumber) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM purchases WHERE subscription_id = ? AND recurrence_number = ? FOR UPDATE")
			.params(subscriptionId, recurrenceNumber)
			.query(PurchaseRows::purchase)
			.optional();
	}

	/**
	 * @param subscriptionId a subscription
	 * @return its purchases, oldest first
	 */
	public List<Purchase> ofSubscription(long subscriptionId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE subscription_id = ? ORDER BY id")
			.param(subscriptionId)
			.query(PurchaseRows::purchase)
			.list();
	}

	/**
	 * The gateway attempt of a purchase: opens a new attempt when the last one was
	 * settled, keeps the open one otherwise (its outcome was never recorded, so it is
	 * repeated with the same idempotency key). Call with the purchase locked.
	 * @param purchaseId the purchase
	 * @return the number of the attempt to make
	 */
	public int openAttempt(long purchaseId) {
		this.jdbc
			.sql("UPDATE purchases SET charge_attempts = charge_attempts + 1, attempt_open = TRUE "
					+ "WHERE id = ? AND attempt_open = FALSE")
			.param(purchaseId)
			.update();
		return this.jdbc.sql("SELECT charge_attempts FROM purchases WHERE id = ?")
			.param(purchaseId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Marks a purchase's open gateway attempt as settled (its outcome is recorded).
	 * @param purchaseId the purchase
	 */
	public void closeAttempt(long purchaseId) {
		this.jdbc.sql("UPDATE purchases SET attempt_open = FALSE WHERE id = ?").param(purchaseId).update();
	}

	/**
	 * Ties a subscription's first purchase to it.
	 * @param purchaseId the first purchase
	 * @param subscriptionId the subscription
	 * @param recurrenceNumber 1, or 0 for a free trial's sign-up
	 */
	public void attach(long purchaseId, long subscriptionId, int recurrenceNumber) {
		this.jdbc
			.sql("UPDATE purchases SET subscription_id = ?, recurrence_number = ? "
					+ "WHERE id = ? AND subscription_id IS NULL")
			.params(subscriptionId, recurrenceNumber, purchaseId)
			.update();
	}

}
