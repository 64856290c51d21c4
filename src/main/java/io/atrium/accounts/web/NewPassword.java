package io.atrium.accounts.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.atrium.accounts.internal.PasswordPolicy;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A new password as typed in a form: acceptable to {@link PasswordPolicy} (12 to 128
 * characters), with its message.
 */
@Documented
@Constraint(validatedBy = NewPassword.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface NewPassword {

	String message() default "{accounts.password.too-short}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Reports {@link PasswordPolicy}'s own message key.
	 */
	class Validator implements ConstraintValidator<NewPassword, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			String problem = PasswordPolicy.problem(value);
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("{" + problem + "}").addConstraintViolation();
			return false;
		}

	}

}
