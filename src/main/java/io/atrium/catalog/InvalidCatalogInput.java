package io.atrium.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A product, offer or coupon that breaks a rule; nothing was saved. Carries one
 * {@link Violation} per problem, for forms to show next to their fields and APIs to list.
 */
public class InvalidCatalogInput extends RuntimeException {

	private final List<Violation> violations;

	/**
	 * @param violations at least one
	 */
	public InvalidCatalogInput(List<Violation> violations) {
		super(violations.stream().map(Violation::message).collect(Collectors.joining(" ")));
		this.violations = List.copyOf(violations);
	}

	/**
	 * @return the problems
	 */
	public List<Violation> violations() {
		return this.violations;
	}

	/**
	 * One broken rule.
	 *
	 * @param field the input's name ({@code name}, {@code price}, {@code delivery.url},
	 * {@code discount}...)
	 * @param code the message key under {@code catalog.error.} in the catalog bundle
	 * @param message the same in English, for API answers and logs
	 * @param args the message arguments
	 */
	public record Violation(String field, String code, String message, List<Object> args) {

		/**
		 * @return the full message key, {@code catalog.error.<code>}, or the code itself
		 * when it is one of the media bundle's keys (an image refused by the media
		 * module)
		 */
		public String messageKey() {
			return this.code.startsWith("media.") ? this.code : "catalog.error." + this.code;
		}

	}

}
