package io.atrium.club.access;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.List;

import io.atrium.club.groups.PurchaseState;
import io.atrium.platform.Dates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A date-only rule means 00:00 of that day in the producer's zone; around that midnight
 * and across daylight-saving changes the access decision and the date the student and the
 * producer read agree.
 */
class TimeZoneRulesTests {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void aReleaseOnADateOpensAtMidnightInTheProducersZoneOnADaylightSavingDay() {
		// Rome moves its clocks forward on 28 March 2027
		Instant release = Dates.startOfDay("2027-03-28", ROME);
		assertThat(release).isEqualTo(Instant.parse("2027-03-27T23:00:00Z"));
		ContentRule rule = new ContentRule(true, Drip.onDate(release), Expiration.NEVER);
		Instant start = Instant.parse("2027-01-01T10:00:00Z");

		AccessDecision at2359 = AccessPolicy.decide(facts(start, rule), local("2027-03-27T23:59", ROME));
		assertThat(at2359.allowed()).isFalse();
		AccessDenial denial = at2359.denials().get(0);
		assertThat(denial.reason()).isEqualTo(AccessReason.NOT_RELEASED_YET);
		assertThat(Dates.show(denial.date(), ROME, Locale.ENGLISH)).isEqualTo("Mar 28, 2027, 12:00 AM (Europe/Rome)");
		assertThat(Dates.isoDay(denial.date(), ROME)).isEqualTo("2027-03-28");

		assertThat(AccessPolicy.decide(facts(start, rule), local("2027-03-28T00:01", ROME)).allowed()).isTrue();
	}

	@Test
	void anExpiryOnADateClosesAtMidnightInTheProducersZoneOnTheAutumnChange() {
		// New York moves its clocks back on 7 November 2027
		Instant expiry = Dates.startOfDay("2027-11-07", NEW_YORK);
		assertThat(expiry).isEqualTo(Instant.parse("2027-11-07T04:00:00Z"));
		ContentRule rule = new ContentRule(true, Drip.IMMEDIATE, Expiration.onDate(expiry));
		Instant start = Instant.parse("2027-01-01T10:00:00Z");

		assertThat(AccessPolicy.decide(facts(start, rule), local("2027-11-06T23:59", NEW_YORK)).allowed()).isTrue();
		AccessDecision at0001 = AccessPolicy.decide(facts(start, rule), local("2027-11-07T00:01", NEW_YORK));
		assertThat(at0001.denials()).extracting(AccessDenial::reason).containsExactly(AccessReason.EXPIRED);
		assertThat(Dates.show(at0001.denials().get(0).date(), NEW_YORK, Locale.ENGLISH))
			.isEqualTo("Nov 7, 2027, 12:00 AM (America/New_York)");
	}

	@Test
	void aDripInDaysAcrossTheSpringChangeShowsTheInstantItOpens() {
		// 7 days of 24 hours from 00:30 on 10 March 2027 in New York, across 14 March
		Instant start = local("2027-03-10T00:30", NEW_YORK);
		ContentRule rule = new ContentRule(true, Drip.afterDays(7), Expiration.NEVER);
		Instant release = start.plus(Duration.ofDays(7));
		AccessDecision before = AccessPolicy.decide(facts(start, rule), release.minusSeconds(60));
		assertThat(before.denials().get(0).date()).isEqualTo(release);
		String shown = Dates.show(release, NEW_YORK, Locale.ENGLISH);
		assertThat(shown).isEqualTo("Mar 17, 2027, 1:30 AM (America/New_York)");
		assertThat(AccessPolicy.decide(facts(start, rule), release).allowed()).isTrue();
	}

	@Test
	void oneFormatInEveryLanguageWithTheZoneNamed() {
		Instant instant = Instant.parse("2027-03-12T17:30:00Z");
		ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
		assertThat(Dates.show(instant, saoPaulo, Locale.ENGLISH))
			.isEqualTo("Mar 12, 2027, 2:30 PM (America/Sao_Paulo)");
		assertThat(Dates.show(instant, saoPaulo, Locale.forLanguageTag("pt-BR")))
			.isEqualTo("12 de mar. de 2027 14:30 (America/Sao_Paulo)");
		assertThat(Dates.show(instant, saoPaulo, Locale.forLanguageTag("es")))
			.isEqualTo("12 mar 2027 14:30 (America/Sao_Paulo)");
		assertThat(Dates.show(instant, saoPaulo, Locale.ITALIAN)).isEqualTo("12 mar 2027, 14:30 (America/Sao_Paulo)");
		assertThat(Dates.show(null, saoPaulo, Locale.ENGLISH)).isEmpty();
		assertThat(Dates.startOfDay("not a day", saoPaulo)).isNull();
	}

	private static Instant local(String dateTime, ZoneId zone) {
		return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
	}

	private static AccessFacts facts(Instant start, ContentRule rule) {
		return new AccessFacts(new AccessFacts.EnrollmentState(start, false, null, PurchaseState.ACTIVE, List.of()),
				rule, null, true, true, false, false);
	}

}
