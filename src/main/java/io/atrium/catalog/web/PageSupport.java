package io.atrium.catalog.web;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.catalog.InvalidCatalogInput;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.RecurringPlan;
import io.atrium.platform.BaseUrl;
import io.atrium.platform.Dates;
import io.atrium.shared.Money;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * What the catalog pages share: error messages in the reader's language, money, plans and
 * dates formatted for them, and absolute links.
 */
@Component
class PageSupport {

	private final MessageSource messages;

	private final BaseUrl baseUrl;

	private final ProducerTimeZones zones;

	private final Clock clock;

	PageSupport(MessageSource messages, BaseUrl baseUrl, ProducerTimeZones zones, Clock clock) {
		this.messages = messages;
		this.baseUrl = baseUrl;
		this.zones = zones;
		this.clock = clock;
	}

	Instant now() {
		return this.clock.instant();
	}

	/**
	 * @return one message per field for problems found while reading a form, in the
	 * reader's language
	 */
	Map<String, String> errors(List<InvalidCatalogInput.Violation> violations, Locale locale) {
		return errors(new InvalidCatalogInput(violations), locale);
	}

	/**
	 * @return one message per field, in the reader's language
	 */
	Map<String, String> errors(InvalidCatalogInput ex, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.violations()
			.forEach((v) -> errors.putIfAbsent(v.field(),
					this.messages.getMessage(v.messageKey(), v.args().toArray(), v.message(), locale)));
		return errors;
	}

	/**
	 * @param binding what Bean Validation found wrong in the form's fields
	 * @param rules what the catalog rules found wrong in what could be read
	 * @return one message per field, Bean Validation's first, in the reader's language
	 */
	Map<String, String> errors(BindingResult binding, List<InvalidCatalogInput.Violation> rules, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach((e) -> errors.putIfAbsent(e.getField(), this.messages.getMessage(e, locale)));
		errors(rules, locale).forEach(errors::putIfAbsent);
		return errors;
	}

	String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	String money(Money money, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(money.currency());
		return format.format(money.decimal());
	}

	/**
	 * @return for example "Monthly, 12 charges, 7-day free trial" or "Single payment"
	 */
	String terms(OfferDetails offer, Locale locale) {
		if (offer.paymentMode() == PaymentMode.SINGLE) {
			String single = message("catalog.terms.single", locale);
			return (offer.maxInstallments() > 1)
					? single + ", " + message("catalog.terms.installments", locale, offer.maxInstallments()) : single;
		}
		RecurringPlan plan = offer.plan();
		StringBuilder terms = new StringBuilder(message("catalog.period." + plan.period().name(), locale));
		terms.append(", ")
			.append((plan.maxCharges() != null) ? message("catalog.terms.charges", locale, plan.maxCharges())
					: message("catalog.terms.until-cancelled", locale));
		if (plan.trialDays() > 0) {
			terms.append(", ").append(message("catalog.terms.trial", locale, plan.trialDays()));
		}
		return terms.toString();
	}

	String dateTime(Instant instant, ZoneId zone, Locale locale) {
		return (instant != null) ? Dates.show(instant, zone, locale) : null;
	}

	/**
	 * @return the producer's time zone, the one their dates are typed and shown in
	 */
	ZoneId zone(long producerAccountId) {
		return this.zones.of(producerAccountId);
	}

	String link(String path) {
		return this.baseUrl.link(path);
	}

}
