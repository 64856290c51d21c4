package io.atrium.club.web;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.club.AccessDecision;
import io.atrium.club.AccessDenial;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The reasons of an access decision as a student reads them, in the student's language:
 * "Available on 3 December 2026", "Available after completing “Welcome”", "Expired on
 * ...". Dates are in UTC; a release at midnight shows the day only.
 */
@Component
class StudentReasons {

	private final MessageSource messages;

	StudentReasons(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param decision a decision
	 * @param pageNames names of the pages the student sees, by internal id (for "after
	 * completing")
	 * @param locale the student's language
	 * @return one sentence per reason, in order
	 */
	List<String> of(AccessDecision decision, Map<Long, String> pageNames, Locale locale) {
		return decision.denials().stream().map((d) -> text(d, pageNames, locale)).toList();
	}

	private String text(AccessDenial denial, Map<Long, String> pageNames, Locale locale) {
		String key = denial.reason().messageKey();
		if (denial.date() != null) {
			String dated = this.messages.getMessage(key + ".on", new Object[] { date(denial.date(), locale) }, null,
					locale);
			if (dated != null) {
				return dated;
			}
		}
		if (denial.prerequisitePageId() != null && pageNames.containsKey(denial.prerequisitePageId())) {
			return this.messages.getMessage(key + ".after", new Object[] { pageNames.get(denial.prerequisitePageId()) },
					locale);
		}
		return this.messages.getMessage(key, null, locale);
	}

	static String date(Instant instant, Locale locale) {
		ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
		if (utc.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(utc);
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale).format(utc)
				+ " UTC";
	}

}
