package io.atrium.media.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code media_images} and {@code media_variants} tables.
 */
@Repository
public class ImageRows {

	private final JdbcClient jdbc;

	ImageRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A row of {@code media_images}. */
	public record ImageRow(String key, long producerAccountId, String purpose, String extension, int width,
			int height) {
	}

	/** A row of {@code media_variants}. */
	public record VariantRow(String key, String variant, String contentType, String blobName, int width, int height,
			int byteSize) {
	}

	public void insert(ImageRow image, List<VariantRow> variants, Instant now) {
		this.jdbc
			.sql("INSERT INTO media_images (image_key, producer_account_id, purpose, extension, width, height, "
					+ "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(image.key(), image.producerAccountId(), image.purpose(), image.extension(), image.width(),
					image.height(), Timestamp.from(now))
			.update();
		for (VariantRow v : variants) {
			this.jdbc
				.sql("INSERT INTO media_variants (image_key, producer_account_id, variant, content_type, blob_name, "
						+ "width, height, byte_size) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(v.key(), image.producerAccountId(), v.variant(), v.contentType(), v.blobName(), v.width(),
						v.height(), v.byteSize())
				.update();
		}
	}

	public Optional<ImageRow> find(String key) {
		return this.jdbc
			.sql("SELECT image_key, producer_account_id, purpose, extension, width, height FROM media_images "
					+ "WHERE image_key = ?")
			.param(key)
			.query((rs, n) -> new ImageRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getInt(6)))
			.optional();
	}

	public Optional<VariantRow> variant(String key, String variant) {
		return this.jdbc
			.sql("SELECT image_key, variant, content_type, blob_name, width, height, byte_size FROM media_variants "
					+ "WHERE image_key = ? AND variant = ?")
			.params(key, variant)
			.query(ImageRows::variantRow)
			.optional();
	}

	/** What serving one variant needs. */
	public record Served(String contentType, String blobName, String purpose, String extension) {
	}

	public Optional<Served> served(String key, String variant) {
		return this.jdbc
			.sql("SELECT v.content_type, v.blob_name, i.purpose, i.extension FROM media_variants v "
					+ "JOIN media_images i ON i.image_key = v.image_key WHERE v.image_key = ? AND v.variant = ?")
			.params(key, variant)
			.query((rs, n) -> new Served(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	public List<VariantRow> variants(String key) {
		return this.jdbc
			.sql("SELECT image_key, variant, content_type, blob_name, width, height, byte_size FROM media_variants "
					+ "WHERE image_key = ?")
			.param(key)
			.query(ImageRows::variantRow)
			.list();
	}

	/** Deletes the image and its variants (not their bytes). */
	public void delete(String key) {
		this.jdbc.sql("DELETE FROM media_variants WHERE image_key = ?").param(key).update();
		this.jdbc.sql("DELETE FROM media_images WHERE image_key = ?").param(key).update();
	}

	private static VariantRow variantRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new VariantRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				rs.getInt(6), rs.getInt(7));
	}

}
