package io.atrium.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.atrium.catalog.BillingPeriod;
import io.atrium.catalog.Offer;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.RecurringPlan;
import io.atrium.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code catalog_offers} table.
 */
@Repository
public class OfferRows {

	private static final String SELECT = "SELECT o.id, o.product_id, o.code, o.name, o.amount_minor, o.currency, "
			+ "o.payment_mode, o.billing_period, o.max_charges, o.trial_days, o.club_group_id, o.max_installments, "
			+ "o.created_at, o.updated_at, p.main_offer_id FROM catalog_offers o JOIN catalog_products p ON p.id = o.product_id ";

	private final JdbcClient jdbc;

	public OfferRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long producerAccountId, long productId, String code, OfferDetails d, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		RecurringPlan plan = d.plan();
		this.jdbc
			.sql("INSERT INTO catalog_offers (product_id, producer_account_id, code, name, amount_minor, currency, "
					+ "payment_mode, billing_period, max_charges, trial_days, club_group_id, max_installments, "
					+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(productId, producerAccountId, code, d.name(), d.price().amountMinor(),
					d.price().currency().getCurrencyCode(), d.paymentMode().name(),
					(plan != null) ? plan.period().name() : null, (plan != null) ? plan.maxCharges() : null,
					(plan != null) ? plan.trialDays() : 0, d.clubGroupId(), d.maxInstallments(), Times.utc(now),
					Times.utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void update(long id, OfferDetails d, Instant now) {
		RecurringPlan plan = d.plan();
		this.jdbc.sql("UPDATE catalog_offers SET name = ?, amount_minor = ?, currency = ?, payment_mode = ?, "
				+ "billing_period = ?, max_charges = ?, trial_days = ?, club_group_id = ?, max_installments = ?, updated_at = ? WHERE id = ?")
			.params(d.name(), d.price().amountMinor(), d.price().currency().getCurrencyCode(), d.paymentMode().name(),
					(plan != null) ? plan.period().name() : null, (plan != null) ? plan.maxCharges() : null,
					(plan != null) ? plan.trialDays() : 0, d.clubGroupId(), d.maxInstallments(), Times.utc(now), id)
			.update();
	}

	public boolean codeExists(String code) {
		return this.jdbc.sql("SELECT COUNT(*) FROM catalog_offers WHERE code = ?")
			.param(code)
			.query(Long.class)
			.single() > 0;
	}

	public Optional<Offer> find(long id) {
		return this.jdbc.sql(SELECT + "WHERE o.id = ?").param(id).query(OfferRows::offer).optional();
	}

	public Optional<Offer> findByCode(String code) {
		return this.jdbc.sql(SELECT + "WHERE o.code = ?").param(code).query(OfferRows::offer).optional();
	}

	/**
	 * @return the product's offers, oldest first
	 */
	public boolean anyOfProducer(long producerAccountId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM catalog_offers o JOIN catalog_products p ON p.id = o.product_id "
					+ "WHERE p.producer_account_id = ?")
			.param(producerAccountId)
			.query(Long.class)
			.single() > 0;
	}

	public List<Offer> ofProduct(long productId) {
		return this.jdbc.sql(SELECT + "WHERE o.product_id = ? ORDER BY o.id")
			.param(productId)
			.query(OfferRows::offer)
			.list();
	}

	private static Offer offer(ResultSet rs, int n) throws SQLException {
		PaymentMode mode = PaymentMode.valueOf(rs.getString("payment_mode"));
		RecurringPlan plan = null;
		if (mode == PaymentMode.RECURRING) {
			int max = rs.getInt("max_charges");
			Integer maxCharges = rs.wasNull() ? null : max;
			plan = new RecurringPlan(BillingPeriod.valueOf(rs.getString("billing_period")), maxCharges,
					rs.getInt("trial_days"));
		}
		long group = rs.getLong("club_group_id");
		Long clubGroupId = rs.wasNull() ? null : group;
		OfferDetails details = new OfferDetails(rs.getString("name"),
				Money.of(rs.getLong("amount_minor"), rs.getString("currency")), mode, plan, clubGroupId,
				rs.getInt("max_installments"));
		long id = rs.getLong("id");
		return new Offer(id, rs.getLong("product_id"), rs.getString("code"), details, rs.getLong("main_offer_id") == id,
				Times.instant(rs, "created_at"), Times.instant(rs, "updated_at"));
	}

}
