package io.atrium.media.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code media_brands} table.
 */
@Repository
public class BrandRows {

	private final JdbcClient jdbc;

	BrandRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A row: the version grows with every change (it is part of the style sheet's
	 * address).
	 */
	public record BrandRow(long producerAccountId, String name, String color, String logoImage, String faviconImage,
			int version) {
	}

	public Optional<BrandRow> find(long producerAccountId) {
		return this.jdbc
			.sql("SELECT producer_account_id, name, color, logo_image, favicon_image, version FROM media_brands "
					+ "WHERE producer_account_id = ?")
			.param(producerAccountId)
			.query((rs, n) -> new BrandRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6)))
			.optional();
	}

	/** Inserts or replaces the producer's row, one version up. */
	public void save(long producerAccountId, String name, String color, String logoImage, String faviconImage,
			Instant now) {
		int updated = this.jdbc
			.sql("UPDATE media_brands SET name = ?, color = ?, logo_image = ?, favicon_image = ?, "
					+ "version = version + 1, updated_at = ? WHERE producer_account_id = ?")
			.params(name, color, logoImage, faviconImage, Timestamp.from(now), producerAccountId)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO media_brands (producer_account_id, name, color, logo_image, favicon_image, version, "
						+ "updated_at) VALUES (?, ?, ?, ?, ?, 1, ?)")
				.params(producerAccountId, name, color, logoImage, faviconImage, Timestamp.from(now))
				.update();
		}
	}

}
