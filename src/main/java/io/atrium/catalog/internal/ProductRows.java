package io.atrium.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.atrium.catalog.Delivery;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductDetails;
import io.atrium.catalog.ProductFilter;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code catalog_products} table.
 */
@Repository
public class ProductRows {

	private static final String SELECT = "SELECT p.id, p.ucode, p.producer_account_id, p.name, p.description, "
			+ "p.support_email, p.format, p.status, p.warranty_days, p.delivery_kind, p.external_url, "
			+ "p.access_instructions, p.main_offer_id, p.created_at, p.updated_at, "
			+ "(SELECT COUNT(*) FROM catalog_offers o WHERE o.product_id = p.id) AS offer_count, " + "p.image_ref "
			+ "FROM catalog_products p ";

	private final JdbcClient jdbc;

	public ProductRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long producerAccountId, UUID ucode, ProductDetails d, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO catalog_products (ucode, producer_account_id, name, description, support_email, "
					+ "format, status, warranty_days, delivery_kind, external_url, access_instructions, created_at, "
					+ "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(ucode, producerAccountId, d.name(), d.description(), d.supportEmail(), d.format().name(),
					d.status().name(), d.warrantyDays(), d.delivery().kind().name(), d.delivery().externalUrl(),
					d.delivery().accessInstructions(), Times.utc(now), Times.utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void update(long id, ProductDetails d, Instant now) {
		this.jdbc
			.sql("UPDATE catalog_products SET name = ?, description = ?, support_email = ?, format = ?, "
					+ "status = ?, warranty_days = ?, delivery_kind = ?, external_url = ?, access_instructions = ?, "
					+ "updated_at = ? WHERE id = ?")
			.params(d.name(), d.description(), d.supportEmail(), d.format().name(), d.status().name(), d.warrantyDays(),
					d.delivery().kind().name(), d.delivery().externalUrl(), d.delivery().accessInstructions(),
					Times.utc(now), id)
			.update();
	}

	/**
	 * Locks the product row until the transaction ends, so that offers of one product are
	 * added and made main one at a time.
	 */
	public void lock(long id) {
		this.jdbc.sql("SELECT id FROM catalog_products WHERE id = ? FOR UPDATE").param(id).query(Long.class).list();
	}

	public void setMainOffer(long id, long offerId, Instant now) {
		this.jdbc.sql("UPDATE catalog_products SET main_offer_id = ?, updated_at = ? WHERE id = ?")
			.params(offerId, Times.utc(now), id)
			.update();
	}

	public Optional<Product> find(long id) {
		return this.jdbc.sql(SELECT + "WHERE p.id = ?").param(id).query(ProductRows::product).optional();
	}

	public Optional<Product> findByUcode(UUID ucode) {
		return this.jdbc.sql(SELECT + "WHERE p.ucode = ?").param(ucode).query(ProductRows::product).optional();
	}

	/**
	 * @return the producer's products matching the filter, by id, after {@code afterId}
	 * when given, skipping {@code offset}
	 */
	public List<Product> list(long producerAccountId, ProductFilter filter, Long afterId, int offset, int limit) {
		StringBuilder sql = new StringBuilder(SELECT).append("WHERE p.producer_account_id = ? AND p.id > ?");
		List<Object> params = new ArrayList<>(List.of(producerAccountId, (afterId != null) ? afterId : 0L));
		if (filter.id() != null) {
			sql.append(" AND p.id = ?");
			params.add(filter.id());
		}
		if (filter.status() != null) {
			sql.append(" AND p.status = ?");
			params.add(filter.status().name());
		}
		if (filter.format() != null) {
			sql.append(" AND p.format = ?");
			params.add(filter.format().name());
		}
		sql.append(" ORDER BY p.id LIMIT ? OFFSET ?");
		params.add(limit);
		params.add(offset);
		return this.jdbc.sql(sql.toString()).params(params).query(ProductRows::product).list();
	}

	/** Keeps a media image reference, or null for none. */
	public void saveImageRef(long productId, String imageRef) {
		this.jdbc.sql("UPDATE catalog_products SET image_ref = ? WHERE id = ?").params(imageRef, productId).update();
	}

	public Optional<String> imageRef(UUID ucode) {
		return this.jdbc.sql("SELECT image_ref FROM catalog_products WHERE ucode = ? AND image_ref IS NOT NULL")
			.param(ucode)
			.query(String.class)
			.optional();
	}

	private static Product product(ResultSet rs, int n) throws SQLException {
		DeliveryKind kind = DeliveryKind.valueOf(rs.getString("delivery_kind"));
		Delivery delivery = (kind == DeliveryKind.EXTERNAL)
				? Delivery.external(rs.getString("external_url"), rs.getString("access_instructions"))
				: Delivery.membersArea();
		ProductDetails details = new ProductDetails(rs.getString("name"), rs.getString("description"),
				rs.getString("support_email"), ProductFormat.valueOf(rs.getString("format")),
				ProductStatus.valueOf(rs.getString("status")), rs.getInt("warranty_days"), delivery);
		long main = rs.getLong("main_offer_id");
		Long mainOfferId = rs.wasNull() ? null : main;
		return new Product(rs.getLong("id"), rs.getObject("ucode", UUID.class), rs.getLong("producer_account_id"),
				details, rs.getString("image_ref") != null, mainOfferId, rs.getInt("offer_count"),
				Times.instant(rs, "created_at"), Times.instant(rs, "updated_at"), rs.getString("image_ref"));
	}

}
