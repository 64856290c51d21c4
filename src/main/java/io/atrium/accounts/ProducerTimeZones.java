package io.atrium.accounts;

import java.time.ZoneId;
import java.util.List;

/**
 * Each producer's time zone, chosen in their settings ({@code /business/time-zone}).
 * Every date a producer or their students see is shown in it, and a date-only rule or
 * filter means the start of that day in it. Other modules ask here; nobody reads the
 * accounts tables.
 */
public interface ProducerTimeZones {

	/**
	 * @param producerAccountId a producer's account id
	 * @return the producer's zone, or {@link #defaultZone()} when they chose none
	 */
	ZoneId of(long producerAccountId);

	/**
	 * @return the platform's default zone ({@code atrium.catalog.time-zone}, default
	 * {@code America/Sao_Paulo}), for producers who chose none and for admin pages
	 */
	ZoneId defaultZone();

	/**
	 * @return every zone a producer can choose (IANA region ids such as
	 * {@code Europe/Rome}, sorted)
	 */
	List<String> choices();

}
