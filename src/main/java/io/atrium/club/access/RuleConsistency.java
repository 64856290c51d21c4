package io.atrium.club.access;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.atrium.club.ClubRefused;

/**
 * Rules that can never open are refused, not saved: a release on or after the expiry
 * (both on dates, or both in days after the start), and pages that wait for each other to
 * be completed. Pure functions shared by the pages and the API (through
 * {@link io.atrium.club.content.ClubContent}); each refusal names the field at fault. Day
 * counts out of range are refused by {@link Drip} and {@link Expiration} themselves.
 */
public final class RuleConsistency {

	private RuleConsistency() {
	}

	/**
	 * @param rule a rule
	 * @throws ClubRefused when the content would expire before (or as) it is released
	 */
	public static void check(ContentRule rule) {
		Drip drip = rule.drip();
		Expiration expiration = rule.expiration();
		if (drip.kind() == Drip.Kind.DATE && expiration.kind() == Expiration.Kind.DATE
				&& !expiration.date().isAfter(drip.date())) {
			throw new ClubRefused("expiration.date", "rule.expiry-before-release",
					"The expiry date must be after the release date, or the content never opens.");
		}
		if (drip.kind() == Drip.Kind.DAYS && expiration.kind() == Expiration.Kind.DAYS
				&& expiration.days() <= drip.days()) {
			throw new ClubRefused("expiration.days", "rule.expiry-days-before-release",
					"The content expires " + expiration.days() + " days after the start but is released only after "
							+ drip.days() + " days, so it never opens. Expire it more than " + drip.days()
							+ " days after the start.",
					expiration.days(), drip.days());
		}
	}

	/**
	 * @param waitsFor for each page of a group that is released after completing another,
	 * that page (the effective rules, a page's own or its module's)
	 * @return a page that waits, directly or through others, for itself, or null
	 */
	public static Long cycle(Map<Long, Long> waitsFor) {
		return waitsFor.keySet().stream().filter((page) -> waitsForItself(waitsFor, page)).findFirst().orElse(null);
	}

	private static boolean waitsForItself(Map<Long, Long> waitsFor, Long page) {
		Set<Long> seen = new HashSet<>();
		Long current = page;
		while (current != null && seen.add(current)) {
			current = waitsFor.get(current);
		}
		return page.equals(current);
	}

	/**
	 * @param waitsFor as for {@link #cycle(Map)}
	 * @param pageNames the pages' names by id, for the message
	 * @param changed the page being changed, named in the message when it is in the
	 * cycle; or null
	 * @throws ClubRefused when pages wait for each other, so none of them ever opens
	 */
	public static void checkCycles(Map<Long, Long> waitsFor, Map<Long, String> pageNames, Long changed) {
		Long page = (changed != null && waitsForItself(waitsFor, changed)) ? changed : cycle(waitsFor);
		if (page != null) {
			String name = pageNames.getOrDefault(page, String.valueOf(page));
			throw new ClubRefused("drip.after_page_id", "rule.page-cycle",
					"“" + name + "” would wait, through other pages, for itself to be completed, so it never opens.",
					name);
		}
	}

}
