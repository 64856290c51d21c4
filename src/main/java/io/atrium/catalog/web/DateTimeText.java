package io.atrium.catalog.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import io.atrium.platform.InputLimits;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A form field that holds a date and time as a {@code datetime-local} input sends it
 * ({@code yyyy-MM-ddTHH:mm}), or nothing.
 */
@Documented
@Constraint(validatedBy = DateTimeText.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface DateTimeText {

	String message() default "{catalog.error.date.invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Blank passes; anything else must be a {@link LocalDateTime} within
	 * {@link InputLimits}' range.
	 */
	class Validator implements ConstraintValidator<DateTimeText, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			try {
				if (InputLimits.isSaneDay(LocalDateTime.parse(value.strip()).toLocalDate())) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate("{catalog.error.date.out-of-range}")
					.addConstraintViolation();
				return false;
			}
			catch (DateTimeParseException ex) {
				return false;
			}
		}

	}

}
