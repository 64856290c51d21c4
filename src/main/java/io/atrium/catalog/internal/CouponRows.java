package io.atrium.catalog.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.atrium.catalog.Coupon;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code catalog_coupons} and {@code catalog_coupon_offers} tables. Discounts are
 * stored in basis points.
 */
@Repository
public class CouponRows {

	private static final String SELECT = "SELECT c.id, c.product_id, c.code, c.discount_bp, c.starts_at, c.ends_at, "
			+ "c.created_at FROM catalog_coupons c ";

	private final JdbcClient jdbc;

	public CouponRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A stored coupon before its offers are attached.
	 */
	private record Row(long id, long productId, String code, int discountBp, Instant startsAt, Instant endsAt,
			Instant createdAt) {

	}

	public long insert(long producerAccountId, long productId, String code, int discountBp, Instant startsAt,
			Instant endsAt, Set<Long> offerIds, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO catalog_coupons (product_id, producer_account_id, code, discount_bp, starts_at, ends_at, "
					+ "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(productId, producerAccountId, code, discountBp, Times.utc(startsAt), Times.utc(endsAt),
					Times.utc(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (Long offerId : offerIds) {
			this.jdbc
				.sql("INSERT INTO catalog_coupon_offers (coupon_id, offer_id, producer_account_id) VALUES (?, ?, ?)")
				.params(id, offerId, producerAccountId)
				.update();
		}
		return id;
	}

	public boolean codeExists(long productId, String code) {
		return this.jdbc.sql("SELECT COUNT(*) FROM catalog_coupons WHERE product_id = ? AND code = ?")
			.params(productId, code)
			.query(Long.class)
			.single() > 0;
	}

	public Optional<Coupon> find(long id) {
		return attach(this.jdbc.sql(SELECT + "WHERE c.id = ?").param(id).query(CouponRows::row).list()).stream()
			.findFirst();
	}

	public Optional<Coupon> find(long productId, String code) {
		return attach(this.jdbc.sql(SELECT + "WHERE c.product_id = ? AND c.code = ?")
			.params(productId, code)
			.query(CouponRows::row)
			.list()).stream().findFirst();
	}

	/**
	 * @return whether another product of the producer has a coupon with the code
	 */
	public boolean existsOnOtherProduct(long producerAccountId, long productId, String code) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM catalog_coupons c JOIN catalog_products p ON p.id = c.product_id "
					+ "WHERE c.code = ? AND p.producer_account_id = ? AND p.id <> ?")
			.params(code, producerAccountId, productId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * @return the product's coupons, oldest first
	 */
	public List<Coupon> ofProduct(long productId) {
		return attach(this.jdbc.sql(SELECT + "WHERE c.product_id = ? ORDER BY c.id")
			.param(productId)
			.query(CouponRows::row)
			.list());
	}

	public void delete(long id) {
		this.jdbc.sql("DELETE FROM catalog_coupon_offers WHERE coupon_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM catalog_coupons WHERE id = ?").param(id).update();
	}

	private List<Coupon> attach(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, Set<Long>> offers = new HashMap<>();
		String ids = String.join(",", rows.stream().map((r) -> Long.toString(r.id())).toList());
		this.jdbc.sql("SELECT coupon_id, offer_id FROM catalog_coupon_offers WHERE coupon_id IN (" + ids + ")")
			.query((rs) -> {
				offers.computeIfAbsent(rs.getLong("coupon_id"), (k) -> new HashSet<>()).add(rs.getLong("offer_id"));
			});
		return rows.stream()
			.map((r) -> new Coupon(r.id(), r.productId(), r.code(), fraction(r.discountBp()), r.startsAt(), r.endsAt(),
					offers.getOrDefault(r.id(), Set.of()), r.createdAt()))
			.toList();
	}

	private static BigDecimal fraction(int basisPoints) {
		BigDecimal fraction = BigDecimal.valueOf(basisPoints, 4).stripTrailingZeros();
		return (fraction.scale() < 0) ? fraction.setScale(0) : fraction;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("product_id"), rs.getString("code"), rs.getInt("discount_bp"),
				Times.instant(rs, "starts_at"), Times.instant(rs, "ends_at"), Times.instant(rs, "created_at"));
	}

}
