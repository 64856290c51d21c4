package io.atrium.club.web.student;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.club.access.AccessDecision;
import io.atrium.club.access.AccessDenial;
import io.atrium.platform.Dates;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The reasons of an access decision as a student reads them, in the student's language:
 * "Available on Dec 3, 2026, 12:00 AM (Europe/Rome)", "Available after completing
 * “Welcome”", "Expired on ...". Dates are in the members-area producer's time zone,
 * written by {@link Dates}.
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
	 * @param zone the members-area producer's time zone
	 * @param locale the student's language
	 * @return one sentence per reason, in order
	 */
	List<String> of(AccessDecision decision, Map<Long, String> pageNames, ZoneId zone, Locale locale) {
		return decision.denials().stream().map((d) -> text(d, pageNames, zone, locale)).toList();
	}

	private String text(AccessDenial denial, Map<Long, String> pageNames, ZoneId zone, Locale locale) {
		String key = denial.reason().messageKey();
		if (denial.date() != null) {
			String dated = this.messages.getMessage(key + ".on",
					new Object[] { Dates.show(denial.date(), zone, locale) }, null, locale);
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

}
