package io.atrium.media.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import io.atrium.media.BlobStore;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default {@link BlobStore}: the {@code media_blobs} table, shared by every instance
 * on the same database and backed up with it. Always present: with the S3 store chosen,
 * images stored here before the switch are still read from here.
 */
public class DatabaseBlobStore implements BlobStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	public DatabaseBlobStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void put(long producerAccountId, String name, String contentType, byte[] bytes) {
		this.jdbc
			.sql("INSERT INTO media_blobs (blob_name, producer_account_id, content_type, bytes, created_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(name, producerAccountId, contentType, bytes, Timestamp.from(this.clock.instant()))
			.update();
	}

	@Override
	public Optional<byte[]> get(String name) {
		return this.jdbc.sql("SELECT bytes FROM media_blobs WHERE blob_name = ?")
			.param(name)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	@Override
	public void delete(String name) {
		this.jdbc.sql("DELETE FROM media_blobs WHERE blob_name = ?").param(name).update();
	}

}
