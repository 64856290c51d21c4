package io.atrium.club;

import java.time.Instant;

/**
 * A student completed every page of a module that they see (for the
 * {@code CLUB_MODULE_COMPLETED} webhook). Published once per student and module, inside
 * the transaction that recorded it; listen with {@code @ApplicationModuleListener}.
 *
 * @param enrollmentId the student's enrolment in the product
 * @param productId the product
 * @param producerAccountId its producer
 * @param accountId the student's account
 * @param name the student's name
 * @param email the student's e-mail address
 * @param moduleId the module's internal id
 * @param modulePublicId the module's 10-character id, as the APIs show it
 * @param moduleName the module's name
 * @param at when
 */
public record ClubModuleCompleted(long enrollmentId, long productId, long producerAccountId, long accountId,
		String name, String email, long moduleId, String modulePublicId, String moduleName, Instant at) {

}
