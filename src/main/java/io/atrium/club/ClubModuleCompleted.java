package io.atrium.club;

import java.time.Instant;

/**
 * A student completed every page of a module they can see. Published once per student and
 * module, inside the transaction that recorded the last page (later sent as the
 * {@code CLUB_MODULE_COMPLETED} webhook).
 *
 * @param productId the product
 * @param producerAccountId its producer
 * @param accountId the student
 * @param name the student's name
 * @param email the student's address
 * @param modulePublicId the module's public id
 * @param moduleName the module's name
 * @param at when
 */
public record ClubModuleCompleted(long productId, long producerAccountId, long accountId, String name, String email,
		String modulePublicId, String moduleName, Instant at) {
}
