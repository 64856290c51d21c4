package io.atrium.subscriptions;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.atrium.catalog.BillingPeriod;
import io.atrium.checkout.DeclineReason;
import io.atrium.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code subscriptions} and {@code subscription_history} tables. Package-private: the
 * rows restore the aggregate's private state, and no other module reads them.
 */
@Repository
class SubscriptionRows {

	static final String COLUMNS = "s.id, s.subscriber_code, s.producer_account_id, s.product_id, s.product_name, "
			+ "s.offer_id, s.offer_code, s.plan_name, s.billing_period, s.max_charges, s.trial_days, s.club_group_id, "
			+ "s.warranty_days, s.amount_minor, s.currency, s.buyer_account_id, s.buyer_name, s.buyer_email, "
			+ "s.buyer_document, s.buyer_locale, s.first_purchase_id, s.first_transaction, s.status, s.time_zone, "
			+ "s.due_day, s.pending_due_day, s.started_at, s.trial_ends_at, s.current_recurrence, s.next_charge_date, "
			+ "s.last_charged_at, s.unpaid_count, s.overdue_since, s.failed_attempts, s.last_failed_at, "
			+ "s.last_decline, s.card_needs_update, s.payment_token, s.card_brand, s.card_last4, s.cancelled_at, "
			+ "s.access_until, s.pending_offer_id, s.reactivation_offered_at, s.reactivation_charge, "
			+ "s.next_attempt_at, s.version, s.period_start";

	private final JdbcClient jdbc;

	SubscriptionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a new subscription with its recorded changes.
	 * @throws org.springframework.dao.DuplicateKeyException when its code or first
	 * purchase is taken
	 */
	Subscription insert(Subscription s, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		Plan p = s.plan();
		Subscriber b = s.subscriber();
		this.jdbc.sql("""
				INSERT INTO subscriptions (subscriber_code, producer_account_id, product_id, product_name, offer_id,
				  offer_code, plan_name, billing_period, max_charges, trial_days, club_group_id, warranty_days,
				  amount_minor, currency, buyer_account_id, buyer_name, buyer_email, buyer_document, buyer_locale,
				  first_purchase_id, first_transaction, status, time_zone, due_day, started_at, trial_ends_at,
				  current_recurrence, unpaid_count, failed_attempts, card_needs_update, version, created_at,
				  updated_at)
				VALUES (:code, :producer, :product, :productName, :offer, :offerCode, :planName, :period, :max,
				  :trial, :group, :warranty, :amount, :currency, :buyer, :buyerName, :email, :document, :locale,
				  :firstPurchase, :firstTx, :status, :zone, :dueDay, :started, :trialEnds, 0, 0, 0, FALSE, 0, :now,
				  :now)
				""")
			.param("code", s.code())
			.param("producer", s.producerAccountId())
			.param("product", s.productId())
			.param("productName", s.productName())
			.param("offer", p.offerId())
			.param("offerCode", p.offerCode())
			.param("planName", p.name())
			.param("period", p.period().name())
			.param("max", p.maxCharges())
			.param("trial", p.trialDays())
			.param("group", p.clubGroupId())
			.param("warranty", p.warrantyDays())
			.param("amount", p.price().amountMinor())
			.param("currency", p.price().currency().getCurrencyCode())
			.param("buyer", b.accountId())
			.param("buyerName", b.name())
			.param("email", b.email())
			.param("document", b.document())
			.param("locale", b.locale().toLanguageTag())
			.param("firstPurchase", s.firstPurchaseId())
			.param("firstTx", s.firstTransaction())
			.param("status", s.status().name())
			.param("zone", s.zone().getId())
			.param("dueDay", s.dueDay())
			.param("started", utc(s.startedAt()))
			.param("trialEnds", utc(s.trialEndsAt()))
			.param("now", utc(now))
			.update(key, "id");
		long id = key.getKey().longValue();
		Subscription stored = restoreWithId(id, s);
		update(stored, s, now);
		return find(id).orElseThrow();
	}

	private static Subscription restoreWithId(long id, Subscription s) {
		Subscription stored = new Subscription(id, s.code(), s.producerAccountId(), s.productId(), s.productName(),
				s.subscriber(), s.firstPurchaseId(), s.firstTransaction(), s.zone(), s.startedAt(), s.trialEndsAt());
		stored.restore(s.state());
		return stored;
	}

	/**
	 * Saves a subscription's state, bumps its version and appends its recorded changes.
	 */
	void save(Subscription s, Instant now) {
		update(s, s, now);
	}

	private void update(Subscription target, Subscription source, Instant now) {
		Plan p = source.plan();
		PaymentCard card = source.card();
		this.jdbc.sql("""
				UPDATE subscriptions SET offer_id = :offer, offer_code = :offerCode, plan_name = :planName,
				  billing_period = :period, max_charges = :max, trial_days = :trial, club_group_id = :group,
				  warranty_days = :warranty, amount_minor = :amount, currency = :currency, status = :status,
				  due_day = :dueDay, pending_due_day = :pendingDueDay, current_recurrence = :current,
				  next_charge_date = :nextDate, next_charge_at = :nextAt, period_start = :periodStart,
				  last_charged_at = :lastCharged,
				  unpaid_count = :unpaid, overdue_since = :overdueSince, failed_attempts = :failed,
				  last_failed_at = :lastFailed, last_decline = :decline, card_needs_update = :needsCard,
				  payment_token = :token, card_brand = :brand, card_last4 = :last4, cancelled_at = :cancelled,
				  access_until = :accessUntil, pending_offer_id = :pendingOffer,
				  reactivation_offered_at = :reactivationAt, reactivation_charge = :reactivationCharge,
				  next_attempt_at = :nextAttempt, version = version + 1, updated_at = :now
				WHERE id = :id
				""")
			.param("offer", p.offerId())
			.param("offerCode", p.offerCode())
			.param("planName", p.name())
			.param("period", p.period().name())
			.param("max", p.maxCharges())
			.param("trial", p.trialDays())
			.param("group", p.clubGroupId())
			.param("warranty", p.warrantyDays())
			.param("amount", p.price().amountMinor())
			.param("currency", p.price().currency().getCurrencyCode())
			.param("status", source.status().name())
			.param("dueDay", source.dueDay())
			.param("pendingDueDay", source.pendingDueDay())
			.param("current", source.currentRecurrence())
			.param("nextDate", (source.nextChargeDate() != null) ? Date.valueOf(source.nextChargeDate()) : null)
			.param("nextAt", utc(source.nextChargeAt()))
			.param("periodStart", (source.periodStartDate() != null) ? Date.valueOf(source.periodStartDate()) : null)
			.param("lastCharged", utc(source.lastChargedAt()))
			.param("unpaid", source.unpaidCount())
			.param("overdueSince", utc(source.overdueSince()))
			.param("failed", source.failedAttempts())
			.param("lastFailed", utc(source.lastFailedAt()))
			.param("decline", (source.lastDecline() != null) ? source.lastDecline().name() : null)
			.param("needsCard", source.cardNeedsUpdate())
			.param("token", (card != null) ? card.token() : null)
			.param("brand", (card != null) ? card.brand() : null)
			.param("last4", (card != null) ? card.last4() : null)
			.param("cancelled", utc(source.cancelledAt()))
			.param("accessUntil", utc(source.accessUntil()))
			.param("pendingOffer", source.pendingOfferId())
			.param("reactivationAt", utc(source.reactivationOfferedAt()))
			.param("reactivationCharge", source.reactivationCharge())
			.param("nextAttempt", utc(source.nextAttemptAt()))
			.param("now", utc(now))
			.param("id", target.id())
			.update();
		for (SubscriptionChange c : source.changes()) {
			this.jdbc.sql("""
					INSERT INTO subscription_history (subscription_id, producer_account_id, from_status, to_status,
					  cause, actor, actor_account_id, detail, changed_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(target.id(), target.producerAccountId(), (c.from() != null) ? c.from().name() : null,
						c.to().name(), c.cause(), c.actor().name(), c.actorAccountId(), truncate(c.detail()),
						utc(c.at()))
				.update();
		}
		source.clearChanges();
		source.nextVersion();
	}

	/**
	 * Appends the history entry that marks an imported subscription (cause
	 * {@code IMPORTED}, by the system, status unchanged).
	 */
	void recordImport(long id, long producerAccountId, SubscriptionStatus status, String detail, Instant at) {
		this.jdbc.sql("""
				INSERT INTO subscription_history (subscription_id, producer_account_id, from_status, to_status, cause,
				  actor, detail, changed_at)
				VALUES (?, ?, ?, ?, 'IMPORTED', 'SYSTEM', ?, ?)
				""").params(id, producerAccountId, status.name(), status.name(), truncate(detail), utc(at)).update();
	}

	Optional<Subscription> find(long id) {
		return one("s.id = ?", id);
	}

	Optional<Subscription> lock(long id) {
		return one("s.id = ? FOR UPDATE", id);
	}

	private Optional<Subscription> one(String where, Object value) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions s WHERE " + where)
			.param(value)
			.query(SubscriptionRows::subscription)
			.optional();
	}

	Optional<Subscription> byCode(String code) {
		return one("s.subscriber_code = ?", code);
	}

	Optional<Subscription> byFirstPurchase(long purchaseId) {
		return one("s.first_purchase_id = ?", purchaseId);
	}

	List<Subscription> ofBuyer(long accountId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM subscriptions s WHERE s.buyer_account_id = ? ORDER BY s.id DESC")
			.param(accountId)
			.query(SubscriptionRows::subscription)
			.list();
	}

	List<Subscription> ofProducer(long producerAccountId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM subscriptions s WHERE s.producer_account_id = ? ORDER BY s.id DESC")
			.param(producerAccountId)
			.query(SubscriptionRows::subscription)
			.list();
	}

	List<SubscriptionChange> history(long subscriptionId) {
		return this.jdbc.sql("""
				SELECT from_status, to_status, cause, actor, actor_account_id, detail, changed_at
				FROM subscription_history WHERE subscription_id = ? ORDER BY id
				""")
			.param(subscriptionId)
			.query((rs, n) -> new SubscriptionChange(
					(rs.getString(1) != null) ? SubscriptionStatus.valueOf(rs.getString(1)) : null,
					SubscriptionStatus.valueOf(rs.getString(2)), rs.getString(3), Actor.valueOf(rs.getString(4)),
					rs.getObject(5, Long.class), rs.getString(6), instant(rs, "changed_at")))
			.list();
	}

	/**
	 * @return the recorded changes of every subscription of the producer, by subscription
	 * id, each oldest first (one query, for the producer's metrics)
	 */
	java.util.Map<Long, List<SubscriptionChange>> historyOfProducer(long producerAccountId) {
		java.util.Map<Long, List<SubscriptionChange>> byId = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT h.subscription_id, h.from_status, h.to_status, h.cause, h.actor, h.actor_account_id, h.detail,
				  h.changed_at
				FROM subscription_history h JOIN subscriptions s ON s.id = h.subscription_id
				WHERE s.producer_account_id = ? ORDER BY h.subscription_id, h.id
				""").param(producerAccountId).query((rs) -> {
			byId.computeIfAbsent(rs.getLong(1), (k) -> new java.util.ArrayList<>())
				.add(new SubscriptionChange(
						(rs.getString(2) != null) ? SubscriptionStatus.valueOf(rs.getString(2)) : null,
						SubscriptionStatus.valueOf(rs.getString(3)), rs.getString(4), Actor.valueOf(rs.getString(5)),
						rs.getObject(6, Long.class), rs.getString(7), instant(rs, "changed_at")));
		});
		return byId;
	}

	/**
	 * Leases due subscriptions to one owner: those whose next look is due and that no
	 * other instance holds (or whose lease ran out). Runs in its own short transaction.
	 * @return the ids leased, most overdue first
	 */
	List<Long> claimDue(Instant now, Instant leaseUntil, String owner, int limit) {
		// more candidates than wanted: another instance claiming at the same moment takes
		// the first ones, and this one goes on to the next instead of ending its run
		List<Long> candidates = this.jdbc.sql("""
				SELECT id FROM subscriptions
				WHERE next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)
				ORDER BY next_attempt_at, id
				LIMIT :scan
				""").param("now", utc(now)).param("scan", limit * 3).query(Long.class).list();
		List<Long> claimed = new java.util.ArrayList<>();
		for (long id : candidates) {
			if (claimed.size() == limit) {
				break;
			}
			int updated = this.jdbc.sql("""
					UPDATE subscriptions SET claimed_until = :until, claim_owner = :owner
					WHERE id = :id AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)
					""")
				.param("until", utc(leaseUntil))
				.param("owner", owner)
				.param("id", id)
				.param("now", utc(now))
				.update();
			if (updated == 1) {
				claimed.add(id);
			}
		}
		return claimed;
	}

	void release(long id, String owner) {
		this.jdbc
			.sql("UPDATE subscriptions SET claimed_until = NULL, claim_owner = NULL WHERE id = ? AND claim_owner = ?")
			.params(id, owner)
			.update();
	}

	/**
	 * @return the ids of subscriptions whose due charge is between the two instants (for
	 * reminders)
	 */
	List<Long> chargesBetween(Instant from, Instant to, List<String> periods) {
		return this.jdbc.sql("""
				SELECT id FROM subscriptions WHERE status = 'ACTIVE' AND next_charge_at > :from
				  AND next_charge_at <= :to AND billing_period IN (:periods) ORDER BY id
				""").param("from", utc(from)).param("to", utc(to)).param("periods", periods).query(Long.class).list();
	}

	boolean claimReminder(long subscriptionId, long producerAccountId, int recurrence, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO subscription_reminders (subscription_id, producer_account_id, recurrence, sent_at)
				VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
				""").params(subscriptionId, producerAccountId, recurrence, utc(now)).update() == 1;
	}

	Optional<DunningSchedule> settings(long producerAccountId) {
		return this.jdbc
			.sql("SELECT retry_days, grace_while_delayed FROM subscription_settings WHERE producer_account_id = ?")
			.param(producerAccountId)
			.query((rs, n) -> new DunningSchedule(parseDays(rs.getString(1)), rs.getBoolean(2)))
			.optional();
	}

	void saveSettings(long producerAccountId, DunningSchedule schedule, Instant now) {
		int changed = this.jdbc.sql("""
				UPDATE subscription_settings SET retry_days = ?, grace_while_delayed = ?, updated_at = ?
				WHERE producer_account_id = ?
				""")
			.params(schedule.retryDaysText(), schedule.graceWhileDelayed(), utc(now), producerAccountId)
			.update();
		if (changed == 0) {
			this.jdbc.sql("""
					INSERT INTO subscription_settings (producer_account_id, retry_days, grace_while_delayed, updated_at)
					VALUES (?, ?, ?, ?)
					""")
				.params(producerAccountId, schedule.retryDaysText(), schedule.graceWhileDelayed(), utc(now))
				.update();
		}
	}

	List<Long> idsOfProducer(long producerAccountId) {
		return this.jdbc.sql("SELECT id FROM subscriptions WHERE producer_account_id = ? ORDER BY id")
			.param(producerAccountId)
			.query(Long.class)
			.list();
	}

	static List<Integer> parseDays(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).toList();
	}

	static Subscription subscription(ResultSet rs, int row) throws SQLException {
		Money price = Money.of(rs.getLong("amount_minor"), rs.getString("currency"));
		Plan plan = new Plan(rs.getLong("offer_id"), rs.getString("offer_code"), rs.getString("plan_name"),
				BillingPeriod.valueOf(rs.getString("billing_period")), rs.getObject("max_charges", Integer.class),
				rs.getInt("trial_days"), price, rs.getObject("club_group_id", Long.class), rs.getInt("warranty_days"));
		Subscriber subscriber = new Subscriber(rs.getLong("buyer_account_id"), rs.getString("buyer_name"),
				rs.getString("buyer_email"), rs.getString("buyer_document"),
				Locale.forLanguageTag(rs.getString("buyer_locale")));
		Subscription s = new Subscription(rs.getLong("id"), rs.getString("subscriber_code"),
				rs.getLong("producer_account_id"), rs.getLong("product_id"), rs.getString("product_name"), subscriber,
				rs.getLong("first_purchase_id"), rs.getString("first_transaction"),
				ZoneId.of(rs.getString("time_zone")), instant(rs, "started_at"), instant(rs, "trial_ends_at"));
		String token = rs.getString("payment_token");
		String decline = rs.getString("last_decline");
		Date next = rs.getDate("next_charge_date");
		Date periodStart = rs.getDate("period_start");
		s.restore(new Subscription.State(plan, SubscriptionStatus.valueOf(rs.getString("status")), rs.getInt("due_day"),
				rs.getObject("pending_due_day", Integer.class), rs.getInt("current_recurrence"),
				(next != null) ? next.toLocalDate() : null, (periodStart != null) ? periodStart.toLocalDate() : null,
				instant(rs, "last_charged_at"), rs.getInt("unpaid_count"), instant(rs, "overdue_since"),
				rs.getInt("failed_attempts"), instant(rs, "last_failed_at"),
				(decline != null) ? DeclineReason.valueOf(decline) : null, rs.getBoolean("card_needs_update"),
				(token != null) ? new PaymentCard(token, rs.getString("card_brand"), rs.getString("card_last4")) : null,
				instant(rs, "cancelled_at"), instant(rs, "access_until"), rs.getObject("pending_offer_id", Long.class),
				instant(rs, "reactivation_offered_at"), rs.getObject("reactivation_charge", Boolean.class),
				instant(rs, "next_attempt_at"), rs.getLong("version")));
		return s;
	}

	static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static String truncate(String text) {
		return (text == null || text.length() <= 300) ? text : text.substring(0, 300);
	}

}
