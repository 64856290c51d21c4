package io.atrium.webhooks.payload;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code data} of {@code CLUB_FIRST_ACCESS} and {@code CLUB_MODULE_COMPLETED}
 * (hotmart-api.md §8.7).
 *
 * @param product the product
 * @param user the student
 * @param module the module completed, omitted for a first access
 */
public record ClubData(SubscriptionData.ProductIdName product, Student user,
		@JsonInclude(JsonInclude.Include.NON_NULL) Module module) {

	/**
	 * {@code user}.
	 *
	 * @param name the student's name
	 * @param email the e-mail address
	 */
	public record Student(String name, String email) {
	}

	/**
	 * {@code module}.
	 *
	 * @param id the module's 10-character id
	 * @param name its name
	 */
	public record Module(String id, String name) {
	}

}
