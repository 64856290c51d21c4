package io.atrium.club.web.producer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A members-area address as typed: once stripped and lowercased, 3 to 40 letters, digits
 * or hyphens, starting and ending with a letter or digit. The same shape the club domain
 * checks ({@code ClubAreas}); whether the address is free stays with the domain.
 */
@Documented
@Constraint(validatedBy = SubdomainText.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface SubdomainText {

	String message() default "{club.error.subdomain.invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks {@link SubdomainText}.
	 */
	class Validator implements ConstraintValidator<SubdomainText, String> {

		private static final Pattern SHAPE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]");

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			String clean = (value != null) ? value.strip().toLowerCase(Locale.ROOT) : "";
			return SHAPE.matcher(clean).matches();
		}

	}

}
