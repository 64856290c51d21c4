package io.atrium.accounts.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.atrium.platform.SupportedLanguages;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A form field holding the tag of one of the {@link SupportedLanguages}.
 */
@Documented
@Constraint(validatedBy = SupportedLanguage.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface SupportedLanguage {

	String message() default "{accounts.profile.language.invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Delegates to {@link SupportedLanguages#match}.
	 */
	class Validator implements ConstraintValidator<SupportedLanguage, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return SupportedLanguages.match(value).isPresent();
		}

	}

}
