package io.atrium.club;

import java.time.Instant;
import java.util.Map;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Products;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.RuleTable;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubPage;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Groups;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's time zone over real HTTP: chosen on its page, a date-only rule typed on
 * the rules page means 00:00 of that day in it (here on the day Europe/Rome moves its
 * clocks forward), and the rules page and the "why" page write the same date the same
 * way. Impossible rules are refused on the page with the reason.
 */
@AtriumIntegrationTest
class TimeZoneIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Groups groups;

	@Autowired
	ClubContent content;

	@Autowired
	Enrollments enrollments;

	StudentsTabFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new StudentsTabFixture(this.accounts, this.products, this.groups, this.content,
				this.enrollments);
	}

	private WebClient producerClient(StudentsTabFixture.Producer producer) {
		WebClient web = new WebClient(this.port);
		web.logIn(producer.email(), StudentsTabFixture.PASSWORD);
		return web;
	}

	@Test
	void theWhyPageAgreesWithTheRulesPageInTheProducersZone() {
		StudentsTabFixture.Producer producer = this.fixture.producer("Zone Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Opera");
		ClubPage later = this.fixture.page(course, "Arias", "Puccini");
		Enrollment ana = this.fixture.student(course, "Ana", StudentsTabFixture.unique("ana"), course.vip());
		WebClient web = producerClient(producer);

		Page settings = web.get("/business/time-zone");
		assertThat(settings.status()).isEqualTo(200);
		assertThat(settings.document().selectFirst("#zone").attr("value")).isEqualTo("America/Sao_Paulo");
		Page unknown = web.post("/business/time-zone", Map.of("zone", "Mars/Olympus"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.document().selectFirst("#time-zone-problem").text())
			.isEqualTo("Choose a time zone from the list, for example America/Sao_Paulo.");
		Page saved = web.submit("/business/time-zone", Map.of("zone", "Europe/Rome"));
		assertThat(saved.document().selectFirst("#time-zone-saved")).isNotNull();
		assertThat(saved.document().selectFirst("#zone").attr("value")).isEqualTo("Europe/Rome");

		String pageRule = course.path() + "/rules/pages/" + later.id() + "/groups/" + course.vip();
		web.get(pageRule);
		web.submit(pageRule, ProducerClubIntegrationTests.rule("DATE", "", "2099-03-29", "NEVER", "", ""));
		// 29 March 2099 is the day Rome moves from UTC+1 to UTC+2; its midnight is still
		// +1
		ContentRule rule = this.content.rules(producer.id(), course.productId()).page(later.id(), course.vip()).rule();
		assertThat(rule.drip().date()).isEqualTo(Instant.parse("2099-03-28T23:00:00Z"));
		Page form = web.get(pageRule);
		assertThat(form.document().selectFirst("#dripDate").attr("value")).isEqualTo("2099-03-29");

		Page rules = web.get(course.path() + "/rules");
		Element cell = ProducerClubIntegrationTests.cell(rules, "P" + later.id(), course.vip());
		String shown = "Mar 29, 2099, 12:00 AM (Europe/Rome)";
		assertThat(cell.text()).contains("Release: on " + shown);

		Page why = web.get(course.path() + "/why?student=" + ana.id() + "&page=" + later.id());
		assertThat(why.document().select("#why-reasons li").text()).contains("Available on " + shown);
		Page italian = web.get(course.path() + "/why?student=" + ana.id() + "&page=" + later.id() + "&lang=it");
		assertThat(italian.text()).contains("29 mar 2099, 00:00 (Europe/Rome)");
	}

	@Test
	void impossibleRulesAreRefusedOnThePageWithTheReason() {
		StudentsTabFixture.Producer producer = this.fixture.producer("Refused Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Pottery");
		ClubPage first = this.fixture.page(course, "Clay", "Wedging");
		ClubPage second = this.fixture.page(course, "Clay", "Throwing");
		WebClient web = producerClient(producer);
		String rules = course.path() + "/rules/pages/";
		String firstRule = rules + first.id() + "/groups/" + course.vip();

		Page reversed = web.post(firstRule,
				ProducerClubIntegrationTests.rule("DATE", "", "2099-03-10", "DATE", "", "2099-03-01"));
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.document().selectFirst("#expireDate-error").text())
			.isEqualTo("The expiry date must be after the release date, or the content never opens.");
		Page sameDay = web.post(firstRule,
				ProducerClubIntegrationTests.rule("DATE", "", "2099-03-10", "DATE", "", "2099-03-10"));
		assertThat(sameDay.status()).isEqualTo(400);
		Page shorter = web.post(firstRule, ProducerClubIntegrationTests.rule("DAYS", "10", "", "DAYS", "5", ""));
		assertThat(shorter.status()).isEqualTo(400);
		assertThat(shorter.document().selectFirst("#expireDays-error").text())
			.startsWith("The content would expire 5 days after the start but is released only after 10 days");
		Page negative = web.post(firstRule, ProducerClubIntegrationTests.rule("DAYS", "-3", "", "NEVER", "", ""));
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.document().selectFirst("#dripDays-error")).isNotNull();

		web.submit(firstRule, afterPage(second.id()));
		Page cycle = web.post(rules + second.id() + "/groups/" + course.vip(), afterPage(first.id()));
		assertThat(cycle.status()).isEqualTo(400);
		assertThat(cycle.document().selectFirst("#drip-error").text()).startsWith("“Throwing” would wait");
		Page portuguese = web.post(rules + second.id() + "/groups/" + course.vip() + "?lang=pt-BR",
				afterPage(first.id()));
		assertThat(portuguese.document().selectFirst("#drip-error").text()).contains("nunca abriria");
		RuleTable table = this.content.rules(producer.id(), course.productId());
		assertThat(table.page(second.id(), course.vip()).own()).isFalse();
		assertThat(table.page(first.id(), course.vip()).rule().drip()).isEqualTo(Drip.afterPage(second.id()));
	}

	private static Map<String, String> afterPage(long pageId) {
		return Map.of("visible", "true", "dripKind", "AFTER_PAGE", "dripDays", "", "dripDate", "", "dripPageId",
				String.valueOf(pageId), "expireKind", "NEVER", "expireDays", "", "expireDate", "");
	}

}
