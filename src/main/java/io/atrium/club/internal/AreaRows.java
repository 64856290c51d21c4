package io.atrium.club.internal;

import java.time.Instant;
import java.util.Optional;

import io.atrium.club.content.ClubArea;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code club_areas} and {@code club_products} tables.
 */
@Repository
public class AreaRows {

	private final JdbcClient jdbc;

	public AreaRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ClubArea> ofProducer(long producerAccountId) {
		return this.jdbc
			.sql("SELECT producer_account_id, subdomain, name FROM club_areas WHERE producer_account_id = ?")
			.param(producerAccountId)
			.query((rs, n) -> new ClubArea(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	public Optional<ClubArea> bySubdomain(String subdomain) {
		return this.jdbc.sql("SELECT producer_account_id, subdomain, name FROM club_areas WHERE subdomain = ?")
			.param(subdomain)
			.query((rs, n) -> new ClubArea(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	public boolean subdomainTaken(String subdomain, long exceptProducer) {
		return this.jdbc.sql("SELECT COUNT(*) FROM club_areas WHERE subdomain = ? AND producer_account_id <> ?")
			.params(subdomain, exceptProducer)
			.query(Long.class)
			.single() > 0;
	}

	public void insert(ClubArea area, Instant now) {
		this.jdbc
			.sql("INSERT INTO club_areas (producer_account_id, subdomain, name, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(area.producerAccountId(), area.subdomain(), area.name(), Times.utc(now), Times.utc(now))
			.update();
	}

	public void update(ClubArea area, Instant now) {
		this.jdbc.sql("UPDATE club_areas SET subdomain = ?, name = ?, updated_at = ? WHERE producer_account_id = ?")
			.params(area.subdomain(), area.name(), Times.utc(now), area.producerAccountId())
			.update();
	}

	/**
	 * @return whether the product has a members area (a {@code club_products} row)
	 */
	public boolean productExists(long productId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM club_products WHERE product_id = ?")
			.param(productId)
			.query(Long.class)
			.single() > 0;
	}

	public void insertProduct(long productId, long producerAccountId, Instant now) {
		this.jdbc.sql("INSERT INTO club_products (product_id, producer_account_id, created_at) VALUES (?, ?, ?)")
			.params(productId, producerAccountId, Times.utc(now))
			.update();
	}

	/**
	 * Locks the product's row for the rest of the transaction, so group changes of one
	 * product happen one at a time.
	 * @return the default group's id, empty when the product is not in the members area
	 */
	public Optional<Long> lockProduct(long productId) {
		return this.jdbc.sql("SELECT default_group_id FROM club_products WHERE product_id = ? FOR UPDATE")
			.param(productId)
			.query((rs, n) -> rs.getLong(1))
			.optional();
	}

	public Optional<Long> defaultGroup(long productId) {
		return this.jdbc.sql("SELECT default_group_id FROM club_products WHERE product_id = ?")
			.param(productId)
			.query((rs, n) -> rs.getLong(1))
			.optional();
	}

	public void setDefaultGroup(long productId, long groupId) {
		this.jdbc.sql("UPDATE club_products SET default_group_id = ? WHERE product_id = ?")
			.params(groupId, productId)
			.update();
	}

}
