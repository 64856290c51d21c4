package io.atrium.accounts.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A new password and its confirmation, as the activation and reset pages send them. Bean
 * Validation checks both: the password against the policy ({@link NewPassword}), the
 * confirmation against the password ({@link Confirmed}).
 *
 * @param password the new password
 * @param confirmation the same, typed again
 */
@PasswordForm.Confirmed
record PasswordForm(@NewPassword String password, String confirmation) {

	static PasswordForm empty() {
		return new PasswordForm("", "");
	}

	/**
	 * The confirmation is the password typed again; reported on the confirmation field.
	 */
	@Documented
	@Constraint(validatedBy = ConfirmedValidator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Confirmed {

		String message() default "{accounts.password.mismatch}";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/**
	 * Checks {@link Confirmed}.
	 */
	static class ConfirmedValidator implements ConstraintValidator<Confirmed, PasswordForm> {

		@Override
		public boolean isValid(PasswordForm form, ConstraintValidatorContext context) {
			if (form == null || Objects.equals(form.password(), form.confirmation())) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("confirmation")
				.addConstraintViolation();
			return false;
		}

	}

}
