package io.atrium.club;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Products;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.Expiration;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubPage;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.EnrollmentSource;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Groups;
import io.atrium.club.groups.StudentFilter;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestMail;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's Users tab, student import and "why" page over real HTTP: filters, bulk
 * actions, the CSV export, refusals that change nothing, an import with broken rows and
 * the access decision explained.
 */
@AtriumIntegrationTest
class StudentsTabIntegrationTests {

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
	void filtersSearchesAndExportsTheFilteredCsv() {
		StudentsTabFixture.Producer producer = this.fixture.producer("Filter Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Baking");
		Enrollment ana = this.fixture.student(course, "Ana Souza", StudentsTabFixture.unique("ana"),
				course.defaultGroup());
		Enrollment bruno = this.fixture.student(course, "Bruno Lima", StudentsTabFixture.unique("bruno"), course.vip());
		Enrollment dora = this.fixture.student(course, "=Dora, \"the\" Doer", StudentsTabFixture.unique("dora"),
				course.vip());
		this.enrollments.block(producer.id(), course.productId(), List.of(dora.id()), true);
		WebClient web = producerClient(producer);

		Page all = web.get(course.path() + "/students");
		assertThat(all.status()).isEqualTo(200);
		assertThat(rowIds(all.document())).containsExactly(ana.id(), bruno.id(), dora.id());
		assertThat(all.text()).contains("Students (3)", "Ana Souza", "VIP", "Blocked", "0 of 0 pages (0%)",
				"Never entered", "Imported");
		assertThat(all.document().select("a[href*=/club/why?student=" + ana.id() + "]")).hasSize(1);

		assertThat(rowIds(web.get(course.path() + "/students?q=SOUZA").document())).containsExactly(ana.id());
		assertThat(rowIds(web.get(course.path() + "/students?q=" + bruno.email()).document()))
			.containsExactly(bruno.id());
		assertThat(rowIds(web.get(course.path() + "/students?group=" + course.vip()).document()))
			.containsExactly(bruno.id(), dora.id());
		assertThat(rowIds(web.get(course.path() + "/students?group=" + course.vip() + "&status=ACTIVE").document()))
			.containsExactly(bruno.id());
		assertThat(rowIds(web.get(course.path() + "/students?status=BLOCKED").document())).containsExactly(dora.id());

		Page csv = web.get(course.path() + "/students.csv?group=" + course.vip());
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).isEqualTo("name,email,group,status,completed_pages,total_pages,first_access,"
				+ "last_access,started_on,access_ends_on,source,transaction");
		assertThat(lines[1]).startsWith("Bruno Lima," + bruno.email() + ",VIP,ACTIVE,0,0,,,");
		assertThat(lines[2]).startsWith("\"'=Dora, \"\"the\"\" Doer\"," + dora.email() + ",VIP,BLOCKED,");
		assertThat(lines[2]).endsWith(",IMPORTED,");
	}

	@Test
	void movesBlocksUnblocksAndResendsInBulk() {
		StudentsTabFixture.Producer producer = this.fixture.producer("Bulk Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Pottery");
		Enrollment ana = this.fixture.student(course, "Ana", StudentsTabFixture.unique("ana"), course.defaultGroup());
		Enrollment bruno = this.fixture.student(course, "Bruno", StudentsTabFixture.unique("bruno"),
				course.defaultGroup());
		Enrollment chiara = this.fixture.student(course, "Chiara", StudentsTabFixture.unique("chiara"),
				course.defaultGroup());
		TestMail.awaitTo(ana.email(), 1, Duration.ofSeconds(20));
		WebClient web = producerClient(producer);
		web.get(course.path() + "/students");

		Page moved = web.submit(course.path() + "/students/actions", Map.of("student", ana.id() + "," + bruno.id(),
				"action", "move", "targetGroup", String.valueOf(course.vip())));
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.text()).contains("2 students moved to the group VIP.");
		assertThat(this.fixture.reload(course, ana).groupId()).isEqualTo(course.vip());
		assertThat(this.fixture.reload(course, bruno).groupId()).isEqualTo(course.vip());
		assertThat(this.fixture.reload(course, chiara).groupId()).isEqualTo(course.defaultGroup());

		Page blocked = web.submit(course.path() + "/students/actions",
				Map.of("student", chiara.id() + "," + bruno.id(), "action", "block"));
		assertThat(blocked.text()).contains("Access blocked for 2 students.");
		assertThat(this.fixture.reload(course, chiara).blocked()).isTrue();
		assertThat(this.fixture.reload(course, ana).blocked()).isFalse();

		Page unblocked = web.submit(course.path() + "/students/actions",
				Map.of("student", String.valueOf(chiara.id()), "action", "unblock", "status", "BLOCKED"));
		assertThat(unblocked.text()).contains("Access unblocked for 1 students.");
		assertThat(rowIds(unblocked.document())).containsExactly(bruno.id());
		assertThat(this.fixture.reload(course, chiara).blocked()).isFalse();

		Page resent = web.submit(course.path() + "/students/actions",
				Map.of("student", String.valueOf(ana.id()), "action", "resend"));
		assertThat(resent.text()).contains("The access e-mail is on its way to 1 students.");
		TestMail.awaitTo(ana.email(), 2, Duration.ofSeconds(20));

		Page none = web.post(course.path() + "/students/actions", Map.of("action", "block"));
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.text()).contains("Select at least one student.");
	}

	@Test
	void refusesAnotherProductsGroupAndAnotherProducersStudentAndChangesNothing() {
		StudentsTabFixture.Producer producer = this.fixture.producer("Careful Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Knitting");
		StudentsTabFixture.Course otherCourse = this.fixture.course(producer, "Weaving");
		StudentsTabFixture.Producer stranger = this.fixture.producer("Stranger");
		StudentsTabFixture.Course strangerCourse = this.fixture.course(stranger, "Secret");
		Enrollment ana = this.fixture.student(course, "Ana", StudentsTabFixture.unique("ana"), course.defaultGroup());
		Enrollment outsider = this.fixture.student(strangerCourse, "Olga", StudentsTabFixture.unique("olga"),
				strangerCourse.defaultGroup());
		WebClient web = producerClient(producer);
		web.get(course.path() + "/students");

		Page otherGroup = web.post(course.path() + "/students/actions", Map.of("student", String.valueOf(ana.id()),
				"action", "move", "targetGroup", String.valueOf(otherCourse.vip())));
		assertThat(otherGroup.status()).isEqualTo(400);
		assertThat(otherGroup.document().selectFirst("#club-users-problem").text())
			.isEqualTo("Group " + otherCourse.vip() + " is not a group of this product.");
		assertThat(this.fixture.reload(course, ana).groupId()).isEqualTo(course.defaultGroup());

		Page strangersGroup = web.post(course.path() + "/students/actions", Map.of("student", String.valueOf(ana.id()),
				"action", "move", "targetGroup", String.valueOf(strangerCourse.vip())));
		assertThat(strangersGroup.status()).isEqualTo(400);
		assertThat(this.fixture.reload(course, ana).groupId()).isEqualTo(course.defaultGroup());

		Page strangersStudent = web.post(course.path() + "/students/actions", Map.of("student",
				ana.id() + "," + outsider.id(), "action", "move", "targetGroup", String.valueOf(course.vip())));
		assertThat(strangersStudent.status()).isEqualTo(400);
		assertThat(strangersStudent.text())
			.contains("Some selected students are not students of this product; nothing was changed.");
		assertThat(this.fixture.reload(course, ana).groupId()).isEqualTo(course.defaultGroup());
		assertThat(this.fixture.reload(strangerCourse, outsider).groupId()).isEqualTo(strangerCourse.defaultGroup());

		Page blockStranger = web.post(course.path() + "/students/actions",
				Map.of("student", String.valueOf(outsider.id()), "action", "block"));
		assertThat(blockStranger.status()).isEqualTo(400);
		assertThat(this.fixture.reload(strangerCourse, outsider).blocked()).isFalse();

		assertThat(web.get(strangerCourse.path() + "/students").status()).isEqualTo(404);
		assertThat(web.get(strangerCourse.path() + "/students.csv").status()).isEqualTo(404);
		web.get(course.path() + "/students");
		assertThat(web
			.post(strangerCourse.path() + "/students/actions",
					Map.of("student", String.valueOf(outsider.id()), "action", "block"))
			.status()).isEqualTo(404);
		assertThat(this.fixture.reload(strangerCourse, outsider).blocked()).isFalse();
		assertThat(web.get(course.path() + "/why?student=" + outsider.id()).status()).isEqualTo(404);
		assertThat(web.get(strangerCourse.path() + "/why").status()).isEqualTo(404);
	}

	@Test
	void addingOneStudentRefusesMalformedOrFarDatesAndAddsNobody() {
		StudentsTabFixture.Producer producer = this.fixture.producer("Date Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Calendars");
		WebClient web = producerClient(producer);
		String email = StudentsTabFixture.unique("dora");
		for (String day : new String[] { "15/01/2026", "+999999999-01-01", "1500-01-01" }) {
			web.get(course.path() + "/students/new");
			Page refused = web.post(course.path() + "/students/new",
					Map.of("email", email, "name", "Dora", "group", "", "startedOn", day, "endsOn", ""));
			assertThat(refused.status()).as(day).isEqualTo(422);
			assertThat(refused.document().selectFirst("#club-users-problem").text())
				.isEqualTo("Enter dates as yyyy-MM-dd.");
		}
		web.get(course.path() + "/students/new");
		Page refusedEnd = web.post(course.path() + "/students/new",
				Map.of("email", email, "name", "Dora", "group", "", "startedOn", "", "endsOn", "2026-13-01"));
		assertThat(refusedEnd.status()).isEqualTo(422);
		assertThat(this.enrollments.list(producer.id(), course.productId(), StudentFilter.ALL, 0, 100).students())
			.extracting(Enrollment::email)
			.doesNotContain(email);

		web.get(course.path() + "/students/new");
		Page added = web.submit(course.path() + "/students/new",
				Map.of("email", email, "name", "Dora", "group", "", "startedOn", "2026-01-15", "endsOn", ""));
		assertThat(added.status()).isEqualTo(200);
		assertThat(this.enrollments.list(producer.id(), course.productId(), StudentFilter.ALL, 0, 100).students())
			.extracting(Enrollment::email)
			.contains(email);
	}

	@Test
	void importsTheGoodRowsOfACsvAndReportsEveryBrokenRow() {
		StudentsTabFixture.Producer producer = this.fixture.producer("Import Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Gardening");
		Enrollment existing = this.fixture.student(course, "Edu Existing", StudentsTabFixture.unique("edu"),
				course.defaultGroup());
		String ana = StudentsTabFixture.unique("ana");
		String bruno = StudentsTabFixture.unique("bruno");
		String csv = String.join("\n", "email,name,group,purchase_date,access_end", // line
																					// 1
				ana + ",Ana Souza,VIP,2026-01-15,", // 2: created
				existing.email() + ",Edu Existing,vip,,2099-12-31", // 3: updated
				"not-an-address,Nobody,,,", // 4
				StudentsTabFixture.unique("carla") + ",Carla,Platinum,,", // 5
				StudentsTabFixture.unique("dani") + ",Dani,,15/01/2026,", // 6
				StudentsTabFixture.unique("eve") + ",Eve,,2026-02-01,2026-01-01", // 7
				ana.toUpperCase() + ",Ana Again,,,", // 8
				"\"" + bruno + "\",\"Lima, Bruno\",Default,,"); // 9: created
		WebClient web = producerClient(producer);
		Page form = web.get(course.path() + "/students/import");
		assertThat(form.status()).isEqualTo(200);
		Page started = web.post(course.path() + "/students/import", Map.of("text", csv));
		assertThat(started.isRedirect()).isTrue();
		String reportPath = started.location().replaceFirst("^https?://[^/]+", "");
		Page report = awaitDone(web, reportPath);

		assertThat(report.document().selectFirst("progress").attr("value")).isEqualTo("100");
		assertThat(report.text()).contains("Done: 8 rows, 2 students created, 1 updated, 5 refused.");
		assertThat(outcome(report, 2)).contains("CREATED");
		assertThat(outcome(report, 3)).contains("UPDATED");
		assertThat(outcome(report, 4)).contains("REFUSED", "The e-mail address “not-an-address” is not valid.");
		assertThat(outcome(report, 5)).contains("REFUSED", "The product has no group named “Platinum”.");
		assertThat(outcome(report, 6)).contains("REFUSED",
				"The purchase date “15/01/2026” is not a date in the form yyyy-MM-dd.");
		assertThat(outcome(report, 7)).contains("REFUSED", "The access end 2026-01-01 is before the start");
		assertThat(outcome(report, 8)).contains("REFUSED", "This e-mail address is already on line 2 of the file.");
		assertThat(outcome(report, 9)).contains("CREATED");

		Enrollments.StudentList list = this.enrollments.list(producer.id(), course.productId(), StudentFilter.ALL, 0,
				100);
		assertThat(list.students()).extracting(Enrollment::email)
			.containsExactlyInAnyOrder(existing.email(), ana, bruno);
		Enrollment anaNow = list.students().stream().filter((e) -> e.email().equals(ana)).findFirst().orElseThrow();
		assertThat(anaNow.groupId()).isEqualTo(course.vip());
		assertThat(anaNow.source()).isEqualTo(EnrollmentSource.IMPORTED);
		assertThat(anaNow.startedAt()).isBefore(Instant.parse("2026-01-16T00:00:00Z"));
		Enrollment eduNow = this.fixture.reload(course, existing);
		assertThat(eduNow.groupId()).isEqualTo(course.vip());
		assertThat(eduNow.accessEndsAt()).isAfter(Instant.parse("2099-12-31T00:00:00Z"));

		assertThat(TestMail.subject(TestMail.awaitNth(ana, 1))).contains("Gardening");
		assertThat(TestMail.link(TestMail.awaitNth(bruno, 1), "/activate/")).isNotBlank();
		assertThat(TestMail.to(existing.email())).hasSize(1);

		Page refused = web.post(course.path() + "/students/import", Map.of("text", "\n\n"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("The file has no students.");
	}

	@Test
	void explainsEveryReasonWithALinkToItsSetting() {
		StudentsTabFixture.Producer producer = this.fixture.producer("Why Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Painting");
		ClubPage open = this.fixture.page(course, "Basics", "Colours");
		ClubPage later = this.fixture.page(course, "Advanced", "Oil");
		this.content.setPageRule(producer.id(), course.vip(), later.id(),
				new ContentRule(true, Drip.onDate(Instant.parse("2099-12-03T12:00:00Z")), Expiration.NEVER));
		this.content.setPassword(producer.id(), later.id(), "secret-password");
		Enrollment ana = this.fixture.student(course, "Ana", StudentsTabFixture.unique("ana"), course.vip());
		this.enrollments.block(producer.id(), course.productId(), List.of(ana.id()), true);
		Enrollment bruno = this.fixture.student(course, "Bruno", StudentsTabFixture.unique("bruno"),
				course.defaultGroup());
		WebClient web = producerClient(producer);

		Page choose = web.get(course.path() + "/why");
		assertThat(choose.status()).isEqualTo(200);
		// the student picker, not a drop-down of every student
		assertThat(choose.document().select("input[name=student] ~ option, select[name=student]")).isEmpty();
		assertThat(choose.document().select("label[for=student-q]").text()).isEqualTo("Student");
		assertThat(choose.document().select("#page option")).hasSize(3);

		Page yes = web.get(course.path() + "/why?student=" + bruno.id() + "&page=" + open.id());
		assertThat(yes.document().selectFirst("#why-allowed").text()).isEqualTo("Bruno can open “Colours” now.");

		Page why = web.get(course.path() + "/why?student=" + ana.id() + "&page=" + later.id());
		assertThat(why.status()).isEqualTo(200);
		List<Element> reasons = why.document().select("#why-reasons li");
		assertThat(reasons).extracting((li) -> li.attr("data-reason"))
			.containsExactly("BLOCKED_BY_PRODUCER", "NOT_RELEASED_YET", "PASSWORD_REQUIRED");
		assertThat(reasons.get(0).text()).contains("Access blocked by the producer");
		assertThat(reasons.get(0).selectFirst("a").attr("href"))
			.endsWith("/club/students?q=" + ana.email().replace("@", "%40") + "#student-" + ana.id());
		assertThat(reasons.get(1).text()).contains("Available on Dec 3, 2099, 9:00 AM (America/Sao_Paulo)");
		assertThat(reasons.get(1).selectFirst("a").attr("href")).endsWith("/club/rules#page-" + later.id());
		assertThat(reasons.get(2).selectFirst("a").attr("href")).endsWith("/club/pages/" + later.id() + "/edit");

		Page portuguese = web.get(course.path() + "/why?student=" + ana.id() + "&page=" + later.id() + "&lang=pt-BR");
		assertThat(portuguese.text()).contains("3 de dez. de 2099 09:00 (America/Sao_Paulo)");

		StudentsTabFixture.Course otherCourse = this.fixture.course(producer, "Sculpture");
		ClubPage elsewhere = this.fixture.page(otherCourse, "Clay", "Hands");
		assertThat(web.get(course.path() + "/why?student=" + ana.id() + "&page=" + elsewhere.id()).status())
			.isEqualTo(404);
	}

	private static Page awaitDone(WebClient web, String path) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			Page page = web.get(path);
			assertThat(page.status()).isEqualTo(200);
			Element progress = page.document().selectFirst("#import-progress");
			if ("DONE".equals(progress.attr("data-status"))) {
				assertThat(progress.hasAttr("hx-get")).isFalse();
				return page;
			}
			assertThat(progress.attr("hx-get")).endsWith("/progress");
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("The import did not finish: " + path);
	}

	private static String outcome(Page report, int line) {
		Element row = report.document().selectFirst("#import-report tr[data-line=" + line + "]");
		assertThat(row).as("row of line " + line).isNotNull();
		return row.attr("data-outcome") + " " + row.text();
	}

	private static List<Long> rowIds(Document page) {
		return page.select("#students tbody tr").stream().map((tr) -> Long.parseLong(tr.id().substring(8))).toList();
	}

}
