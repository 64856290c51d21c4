package io.atrium.demo;

import java.util.List;
import java.util.Set;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.ProductSummary;
import io.atrium.club.access.AccessReason;
import io.atrium.club.access.ClubAccess;
import io.atrium.club.access.LessonState;
import io.atrium.club.access.StudentCourse;
import io.atrium.club.content.ClubArea;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.groups.Groups;
import io.atrium.shared.EmailAddress;
import io.atrium.support.AtriumIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo members area: at /club/demo, three groups, and students who see different
 * things because of their group and start date.
 */
@AtriumIntegrationTest
@TestPropertySource(properties = "atrium.demo.enabled=true")
class DemoClubIntegrationTests {

	@Autowired
	ClubAreas areas;

	@Autowired
	ClubAccess access;

	@Autowired
	Groups groups;

	@Autowired
	Catalog catalog;

	@Autowired
	Accounts accounts;

	@Autowired
	DemoClub demoClub;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoAreaHasThreeGroupsAndStudentsSeeWhatTheirGroupAndDatesAllow() {
		ClubArea area = this.areas.bySubdomain("demo").orElseThrow();
		long producer = id(DemoData.PRODUCER);
		assertThat(area.producerAccountId()).isEqualTo(producer);
		ProductSummary course = this.catalog.productsOf(producer).get(0);
		assertThat(this.groups.of(producer, course.id())).hasSize(3);

		StudentCourse ana = this.access.course(id("ana@demo.atrium.test"), course.id(), Set.of()).orElseThrow();
		assertThat(lesson(ana, "Luz natural").decision().reasons()).containsExactly(AccessReason.NOT_RELEASED_YET);
		assertThat(lesson(ana, "Aula bônus ao vivo (gravação)").decision().onlyNeedsPassword()).isTrue();
		assertThat(names(ana)).doesNotContain("Ajustes básicos", "Rascunho: flash externo");
		assertThat(ana.completed()).isEqualTo(1);

		StudentCourse bruno = this.access.course(id("bruno@demo.atrium.test"), course.id(), Set.of()).orElseThrow();
		assertThat(lesson(bruno, "Luz natural").decision().allowed()).isTrue();
		assertThat(names(bruno)).contains("Ajustes básicos");

		StudentCourse chiara = this.access.course(id("chiara@demo.atrium.test"), course.id(), Set.of()).orElseThrow();
		assertThat(lesson(chiara, "Abertura, velocidade e ISO").decision().reasons())
			.containsExactly(AccessReason.EXPIRED);

		StudentCourse david = this.access.course(id("david@demo.atrium.test"), course.id(), Set.of()).orElseThrow();
		assertThat(lesson(david, "Luz natural").decision().allowed()).isTrue();
	}

	@Test
	void seedingAgainChangesNothing() {
		long before = this.jdbc.sql("SELECT COUNT(*) FROM club_pages").query(Long.class).single();
		assertThat(this.demoClub.seed(id(DemoData.PRODUCER))).isFalse();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM club_pages").query(Long.class).single()).isEqualTo(before);
	}

	private long id(String email) {
		return this.accounts.findByEmail(EmailAddress.of(email)).orElseThrow().id().value();
	}

	private static LessonState lesson(StudentCourse course, String name) {
		return course.modules()
			.stream()
			.flatMap((m) -> m.lessons().stream())
			.filter((l) -> l.page().name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No lesson " + name + " in " + names(course)));
	}

	private static List<String> names(StudentCourse course) {
		return course.modules().stream().flatMap((m) -> m.lessons().stream()).map((l) -> l.page().name()).toList();
	}

}
