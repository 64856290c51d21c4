package io.atrium.club;

import java.time.Instant;

/**
 * A student entered a product's members area for the first time. Published inside the
 * transaction that recorded it (later sent as the {@code CLUB_FIRST_ACCESS} webhook).
 *
 * @param productId the product
 * @param producerAccountId its producer
 * @param accountId the student
 * @param name the student's name
 * @param email the student's address
 * @param at when
 */
public record ClubFirstAccess(long productId, long producerAccountId, long accountId, String name, String email,
		Instant at) {
}
