package io.atrium.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.atrium.events.StuckPublication;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads Spring Modulith's {@code event_publication} table for the stuck-publications
 * page. The registry itself writes it; nothing here changes a row.
 */
@Repository
public class PublicationRows {

	private static final String COLUMNS = "id, event_type, listener_id, publication_date, status, completion_attempts, "
			+ "last_resubmission_date, serialized_event";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	PublicationRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param before only those published before this time
	 * @param limit the most to return
	 * @return incomplete publications, oldest first
	 */
	public List<StuckPublication> incompleteBefore(Instant before, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM event_publication WHERE completion_date IS NULL AND publication_date < ? "
					+ "ORDER BY publication_date, id LIMIT ?")
			.params(OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC), limit)
			.query(PublicationRows::map)
			.list();
	}

	/**
	 * @param id a publication id
	 * @return the publication, when it is still incomplete
	 */
	public Optional<StuckPublication> incomplete(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM event_publication WHERE completion_date IS NULL AND id = ?")
			.param(id)
			.query(PublicationRows::map)
			.optional();
	}

	private static StuckPublication map(ResultSet rs, int row) throws SQLException {
		int attempts = rs.getInt("completion_attempts");
		return new StuckPublication(rs.getObject("id", UUID.class), rs.getString("event_type"),
				rs.getString("listener_id"), instant(rs.getTimestamp("publication_date")), rs.getString("status"),
				attempts, instant(rs.getTimestamp("last_resubmission_date")),
				producerOf(rs.getString("serialized_event")));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * Events about one producer's business carry {@code producerAccountId}.
	 */
	static Long producerOf(String serializedEvent) {
		try {
			JsonNode producer = JSON.readTree(serializedEvent).get("producerAccountId");
			return (producer != null && producer.isIntegralNumber()) ? producer.asLong() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
