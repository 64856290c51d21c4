package io.atrium.accounts.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.atrium.shared.EmailAddress;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A form field holding an e-mail address as typed: blank (for {@code @NotBlank} to
 * report) or an address {@link EmailAddress} accepts.
 */
@Documented
@Constraint(validatedBy = EmailText.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface EmailText {

	String message() default "{accounts.email.invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Delegates to {@link EmailAddress#isValidInput}.
	 */
	class Validator implements ConstraintValidator<EmailText, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || EmailAddress.isValidInput(value);
		}

	}

}
