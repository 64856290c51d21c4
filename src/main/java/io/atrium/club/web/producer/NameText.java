package io.atrium.club.web.producer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A name as typed in a members-area form: once stripped, not empty ({@link #message()})
 * and at most {@link #max()} characters ({@link #tooLong()}). The same check the club
 * domain makes, so the page answers before calling it; the domain keeps its own.
 */
@Documented
@Constraint(validatedBy = NameText.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface NameText {

	/**
	 * @return the template when the name is blank
	 */
	String message() default "{club.error.content.name-required}";

	/**
	 * @return the template when the name is too long; {@code {0}} in the bundle text is
	 * {@link #max()}
	 */
	String tooLong() default "{club.error.content.name-too-long}";

	int max() default 100;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks {@link NameText}.
	 */
	class Validator implements ConstraintValidator<NameText, String> {

		private String tooLong;

		private int max;

		@Override
		public void initialize(NameText annotation) {
			this.tooLong = annotation.tooLong();
			this.max = annotation.max();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			String clean = (value != null) ? value.strip() : "";
			if (clean.isEmpty()) {
				return false;
			}
			if (clean.length() > this.max) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(this.tooLong).addConstraintViolation();
				return false;
			}
			return true;
		}

	}

}
