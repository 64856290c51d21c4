package io.atrium.club;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Products;
import io.atrium.club.content.ClubContent;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Groups;
import io.atrium.club.groups.StudentFilter;
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
 * A student file uploaded as Excel saves it in Portuguese ("CSV UTF-8": a byte order
 * mark, semicolons, quoted fields with accents, semicolons and commas inside): every
 * student is read with their accents, the broken row is reported on its line, and a file
 * that is not CSV is refused with the line at fault.
 */
@AtriumIntegrationTest
class StudentImportFileIntegrationTests {

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

	@Test
	void importsTheFileExcelWritesInPortuguese() throws IOException {
		StudentsTabFixture.Producer producer = this.fixture.producer("Excel Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Cerâmica");
		WebClient web = new WebClient(this.port);
		web.logIn(producer.email(), StudentsTabFixture.PASSWORD);
		assertThat(web.get(course.path() + "/students/import").status()).isEqualTo(200);

		Page started = web.upload(course.path() + "/students/import", "file", "alunos.csv",
				resource("/club/students-excel-pt-BR.csv"));
		assertThat(started.isRedirect()).as(started.text()).isTrue();
		Page report = awaitDone(web, started.location().replaceFirst("^https?://[^/]+", ""));

		assertThat(report.text()).contains("Done: 4 rows, 3 students created, 0 updated, 1 refused.");
		assertThat(outcome(report, 2)).contains("CREATED");
		assertThat(outcome(report, 3)).contains("CREATED");
		assertThat(outcome(report, 5)).contains("CREATED");
		assertThat(outcome(report, 7)).contains("REFUSED", "not-an-address");
		List<Enrollment> students = this.enrollments.list(producer.id(), course.productId(), StudentFilter.ALL, 0, 100)
			.students();
		assertThat(students).extracting(Enrollment::email, Enrollment::name, Enrollment::groupId)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("joao.excel@example.com", "João Conceição", course.vip()),
					org.assertj.core.groups.Tuple.tuple("maria.excel@example.com", "Araújo; Maria \"Mari\"",
							course.vip()),
					org.assertj.core.groups.Tuple.tuple("ines.excel@example.com", "Inês, a Ótima",
							course.defaultGroup()));
	}

	@Test
	void refusesAFileThatIsNotCsvWithTheLineAtFault() {
		StudentsTabFixture.Producer producer = this.fixture.producer("Broken File Producer");
		StudentsTabFixture.Course course = this.fixture.course(producer, "Escultura");
		WebClient web = new WebClient(this.port);
		web.logIn(producer.email(), StudentsTabFixture.PASSWORD);
		web.get(course.path() + "/students/import");

		byte[] broken = "\uFEFFE-mail;Nome\r\nana.broken@example.com;\"Ana\r\nbia.broken@example.com;Bia\r\n"
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		Page refused = web.upload(course.path() + "/students/import", "file", "alunos.csv", broken);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("Line 2 of the file is not CSV");
		assertThat(this.enrollments.list(producer.id(), course.productId(), StudentFilter.ALL, 0, 100).students())
			.isEmpty();
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = StudentImportFileIntegrationTests.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
	}

	private static Page awaitDone(WebClient web, String path) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			Page page = web.get(path);
			assertThat(page.status()).isEqualTo(200);
			Element progress = page.document().selectFirst("#import-progress");
			if ("DONE".equals(progress.attr("data-status"))) {
				return page;
			}
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

}
