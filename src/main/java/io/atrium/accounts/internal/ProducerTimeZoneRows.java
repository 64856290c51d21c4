package io.atrium.accounts.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.atrium.accounts.ProducerTimeZones;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The producers' time zones ({@code producer_time_zones}), with the platform's default
 * for producers who chose none.
 */
@Service
public class ProducerTimeZoneRows implements ProducerTimeZones {

	private static final List<String> CHOICES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter(ProducerTimeZoneRows::isRegion)
		.sorted()
		.toList();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId defaultZone;

	ProducerTimeZoneRows(JdbcClient jdbc, Clock clock,
			@Value("${atrium.catalog.time-zone:America/Sao_Paulo}") String defaultZone) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.defaultZone = ZoneId.of(defaultZone);
	}

	@Override
	@Transactional(readOnly = true)
	public ZoneId of(long producerAccountId) {
		return chosen(producerAccountId).orElse(this.defaultZone);
	}

	@Override
	public ZoneId defaultZone() {
		return this.defaultZone;
	}

	@Override
	public List<String> choices() {
		return CHOICES;
	}

	/**
	 * @return the zone the producer chose, if any (a zone no longer known to Java counts
	 * as none)
	 */
	@Transactional(readOnly = true)
	public Optional<ZoneId> chosen(long producerAccountId) {
		return this.jdbc.sql("SELECT time_zone FROM producer_time_zones WHERE account_id = ?")
			.param(producerAccountId)
			.query(String.class)
			.optional()
			.flatMap(ProducerTimeZoneRows::parse);
	}

	/**
	 * Sets a producer's zone.
	 * @param producerAccountId the producer
	 * @param zoneId an id from {@link #choices()}
	 * @return the zone
	 * @throws IllegalArgumentException when the id is not one of the choices
	 */
	@Transactional
	public ZoneId choose(long producerAccountId, String zoneId) {
		String id = (zoneId != null) ? zoneId.strip() : "";
		if (!CHOICES.contains(id)) {
			throw new IllegalArgumentException("Unknown time zone: " + id);
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		int updated = this.jdbc.sql("UPDATE producer_time_zones SET time_zone = ?, updated_at = ? WHERE account_id = ?")
			.params(id, now, producerAccountId)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO producer_time_zones (account_id, time_zone, updated_at) VALUES (?, ?, ?)")
				.params(producerAccountId, id, now)
				.update();
		}
		return ZoneId.of(id);
	}

	private static Optional<ZoneId> parse(String id) {
		try {
			return Optional.of(ZoneId.of(id));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	private static boolean isRegion(String id) {
		return id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")
				&& Character.isUpperCase(id.charAt(0));
	}

}
