package io.atrium.subscriptions.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

import io.atrium.subscriptions.DunningSchedule;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A form field holding the days between payment retries as a producer types them: whole
 * numbers separated by commas ({@code 1,3,3,3}), 0 to
 * {@value DunningSchedule#MAX_RETRIES} of them, each 1 to 30; blank means no retry. Each
 * way of getting it wrong has its own message.
 */
@Documented
@Constraint(validatedBy = RetryDaysText.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface RetryDaysText {

	String message() default "{subscriptions.settings.error.format}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the shape, the count and the range, in that order. */
	class Validator implements ConstraintValidator<RetryDaysText, String> {

		/**
		 * @param text the field as typed
		 * @return the days, or null when the text is not a comma-separated list of whole
		 * numbers
		 */
		static List<Integer> parse(String text) {
			List<Integer> days = new ArrayList<>();
			if (text == null || text.isBlank()) {
				return days;
			}
			for (String part : text.split(",", -1)) {
				String digits = part.strip();
				if (!digits.matches("\\d{1,3}")) {
					return null;
				}
				days.add(Integer.parseInt(digits));
			}
			return days;
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			List<Integer> days = parse(value);
			String problem = (days == null) ? "{subscriptions.settings.error.format}"
					: (days.size() > DunningSchedule.MAX_RETRIES) ? "{subscriptions.settings.error.too-many}"
							: days.stream().anyMatch((d) -> d < 1 || d > 30) ? "{subscriptions.settings.error.range}"
									: null;
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
			return false;
		}

	}

}
