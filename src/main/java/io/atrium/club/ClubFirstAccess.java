package io.atrium.club;

import java.time.Instant;

/**
 * A student entered a product's members area for the first time (for the
 * {@code CLUB_FIRST_ACCESS} webhook). Published once per enrolment, inside the
 * transaction that recorded it; listen with {@code @ApplicationModuleListener}.
 *
 * @param enrollmentId the student's enrolment in the product
 * @param productId the product
 * @param producerAccountId its producer
 * @param accountId the student's account
 * @param name the student's name
 * @param email the student's e-mail address
 * @param at when
 */
public record ClubFirstAccess(long enrollmentId, long productId, long producerAccountId, long accountId, String name,
		String email, Instant at) {

}
