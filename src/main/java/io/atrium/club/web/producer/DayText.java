package io.atrium.club.web.producer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.atrium.platform.InputLimits;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A form field that holds a day as a date input sends it ({@code yyyy-MM-dd}), within
 * {@link InputLimits}' years, or nothing.
 */
@Documented
@Constraint(validatedBy = DayText.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface DayText {

	String message() default "{club.error.student.date-invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Blank passes; anything else must be a day {@link InputLimits#day} accepts. */
	class Validator implements ConstraintValidator<DayText, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || InputLimits.day(value).isPresent();
		}

	}

}
