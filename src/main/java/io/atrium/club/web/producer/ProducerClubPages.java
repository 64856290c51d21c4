package io.atrium.club.web.producer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.ProductSummary;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.Expiration;
import io.atrium.platform.Dates;

import jakarta.validation.ConstraintViolation;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What the producer's members-area pages share: the product being managed, refusals as
 * messages in the reader's language, and rules and dates written out for people. Dates of
 * rules are days in the producer's time zone: {@code 2026-12-03} means 3 December 2026 at
 * 00:00 there; they are shown by {@link Dates}.
 */
@Component
class ProducerClubPages {

	private final Catalog catalog;

	private final MessageSource messages;

	private final ProducerTimeZones zones;

	ProducerClubPages(Catalog catalog, MessageSource messages, ProducerTimeZones zones) {
		this.catalog = catalog;
		this.messages = messages;
		this.zones = zones;
	}

	/**
	 * @return the signed-in producer's time zone
	 */
	ZoneId zone(SignedInAccount me) {
		return this.zones.of(producer(me));
	}

	static long producer(SignedInAccount me) {
		return me.accountId().value();
	}

	/**
	 * @return the producer's product
	 * @throws ClubNotFound when it is another producer's, or none
	 */
	ProductSummary product(SignedInAccount me, long productId) {
		return this.catalog.product(productId)
			.filter((p) -> p.producerAccountId() == producer(me))
			.orElseThrow(() -> new ClubNotFound("No product " + productId + "."));
	}

	String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	String refusal(ClubRefused ex, Locale locale) {
		return this.messages.getMessage(ex.messageKey(), ex.args(), ex.getMessage(), locale);
	}

	/**
	 * @return the refusal as the message next to its field ({@code form} when it names
	 * none)
	 */
	Map<String, String> errors(ClubRefused ex, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put((ex.field() != null) ? FORM_FIELDS.getOrDefault(ex.field(), ex.field()) : "form",
				refusal(ex, locale));
		return errors;
	}

	/**
	 * @param binding what Bean Validation found wrong in a form's fields; each message
	 * template names a bundle key, formatted with the constraint's {@code max} when it
	 * has one
	 * @return one message per field, in the reader's language
	 */
	Map<String, String> errors(BindingResult binding, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : binding.getFieldErrors()) {
			ConstraintViolation<?> violation = error.unwrap(ConstraintViolation.class);
			String template = violation.getMessageTemplate();
			Object max = violation.getConstraintDescriptor().getAttributes().get("max");
			String key = template.substring(1, template.length() - 1);
			errors.putIfAbsent(FORM_FIELDS.getOrDefault(error.getField(), error.getField()),
					(max != null) ? message(key, locale, max) : message(key, locale));
		}
		return errors;
	}

	/** The rule form's fields for the fields a rule refusal names. */
	private static final Map<String, String> FORM_FIELDS = Map.of("drip.days", "dripDays", "drip.date", "dripDate",
			"drip.after_page_id", "drip", "dripPageId", "drip", "expiration.days", "expireDays", "expiration.date",
			"expireDate");

	String dateTime(Instant instant, ZoneId zone, Locale locale) {
		return Dates.show(instant, zone, locale);
	}

	String visibility(ContentRule rule, Locale locale) {
		return message(rule.visible() ? "club.producer.rule.visible" : "club.producer.rule.hidden", locale);
	}

	/**
	 * @param pageNames the product's page names by internal id
	 * @return for example "immediately", "7 days after start", "on 3 Dec 2026", "after
	 * completing Welcome"
	 */
	String drip(Drip drip, Map<Long, String> pageNames, ZoneId zone, Locale locale) {
		return switch (drip.kind()) {
			case IMMEDIATE -> message("club.producer.drip.immediate", locale);
			case DAYS -> message("club.producer.drip.days", locale, drip.days());
			case DATE -> message("club.producer.drip.date", locale, Dates.show(drip.date(), zone, locale));
			case AFTER_PAGE ->
				message("club.producer.drip.after", locale, pageNames.getOrDefault(drip.afterPageId(), "?"));
		};
	}

	/**
	 * @return for example "never", "30 days after start", "on 3 Dec 2026"
	 */
	String expiration(Expiration expiration, ZoneId zone, Locale locale) {
		return switch (expiration.kind()) {
			case NEVER -> message("club.producer.expire.never", locale);
			case DAYS -> message("club.producer.expire.days", locale, expiration.days());
			case DATE -> message("club.producer.expire.date", locale, Dates.show(expiration.date(), zone, locale));
		};
	}

}
