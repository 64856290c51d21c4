package io.atrium.subscriptions.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.atrium.checkout.CardDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

/**
 * A card typed on My subscriptions (to pay what is overdue, or to keep for the next
 * charges), with the checkout's field names and rules. Never sent back to the page.
 *
 * @param cardNumber 12 to 19 digits, spaces and dashes allowed
 * @param cardHolder the name on the card
 * @param cardExpMonth 1 to 12
 * @param cardExpYear four digits
 * @param cardCvc 3 or 4 digits
 */
record CardForm(
		@NotBlank(message = "{subscriptions.card.error.number}") @Pattern(regexp = "\\s*(\\d[\\s-]?){11,18}\\d\\s*",
				message = "{subscriptions.card.error.number}") String cardNumber,
		@NotBlank(message = "{subscriptions.card.error.holder}") @Size(max = 200,
				message = "{subscriptions.card.error.holder}") String cardHolder,
		@NotBlank(message = "{subscriptions.card.error.exp-month}") @Pattern(regexp = "\\s*(0?[1-9]|1[0-2])\\s*",
				message = "{subscriptions.card.error.exp-month}") String cardExpMonth,
		@NotBlank(message = "{subscriptions.card.error.exp-year}") @Pattern(regexp = "\\s*\\d{4}\\s*",
				message = "{subscriptions.card.error.exp-year}") String cardExpYear,
		@NotBlank(message = "{subscriptions.card.error.cvc}") @Pattern(regexp = "\\s*\\d{3,4}\\s*",
				message = "{subscriptions.card.error.cvc}") String cardCvc) {

	/**
	 * @return the card (call only when the form is valid)
	 */
	CardDetails card() {
		return new CardDetails(this.cardNumber, this.cardHolder.strip(), Integer.parseInt(this.cardExpMonth.strip()),
				Integer.parseInt(this.cardExpYear.strip()), this.cardCvc.strip());
	}

	/**
	 * @return one message per field, in the reader's language
	 */
	static Map<String, String> errors(BindingResult binding, MessageSource messages, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach((e) -> errors.putIfAbsent(e.getField(), messages.getMessage(e, locale)));
		return errors;
	}

}
