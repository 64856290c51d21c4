package io.atrium.club.imports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.atrium.club.ClubRefused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading the students' CSV file: quotes, line breaks, header, separators, encodings.
 */
class ClubStudentCsvTests {

	@Test
	void readsQuotedFieldsAndSkipsTheHeaderAndBlankLines() {
		String csv = "E-mail,Name,Group\r\n\r\nana@example.com,\"Souza, Ana \"\"A\"\"\",VIP\r\n"
				+ "\"bruno@example.com\",\"Bruno\nLima\",,2026-01-02,2026-12-31\nlast@example.com";
		List<StudentCsv.Record> records = StudentCsv.read(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(records).hasSize(3);
		assertThat(records.get(0).line()).isEqualTo(3);
		assertThat(records.get(0).fields()).containsExactly("ana@example.com", "Souza, Ana \"A\"", "VIP");
		assertThat(records.get(1).line()).isEqualTo(4);
		assertThat(records.get(1).fields()).containsExactly("bruno@example.com", "Bruno\nLima", "", "2026-01-02",
				"2026-12-31");
		assertThat(records.get(2).line()).isEqualTo(6);
		assertThat(records.get(2).fields()).containsExactly("last@example.com");
	}

	@Test
	void keepsAFirstLineThatHoldsAnAddressAndReadsSemicolons() {
		String csv = "\uFEFFana@example.com;Ana;Padrão\nbruno@example.com;Bruno;";
		List<StudentCsv.Record> records = StudentCsv.read(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(records).extracting(StudentCsv.Record::fields)
			.containsExactly(List.of("ana@example.com", "Ana", "Padrão"), List.of("bruno@example.com", "Bruno", ""));
	}

	@Test
	void readsWindows1252WhenTheFileIsNotUtf8() {
		byte[] bytes = "joao@example.com,João,Padrão".getBytes(Charset.forName("windows-1252"));
		assertThat(StudentCsv.read(bytes).get(0).fields()).containsExactly("joao@example.com", "João", "Padrão");
	}

	@Test
	void readsTheFileExcelWritesInPortuguese() throws IOException {
		byte[] file = getClass().getResourceAsStream("/club/students-excel-pt-BR.csv").readAllBytes();
		assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
		List<StudentCsv.Record> records = StudentCsv.read(file);
		assertThat(records).extracting(StudentCsv.Record::line).containsExactly(2, 3, 5, 7);
		assertThat(records).extracting(StudentCsv.Record::fields)
			.containsExactly(List.of("joao.excel@example.com", "João Conceição", "VIP", "2026-01-15", ""),
					List.of("maria.excel@example.com", "Araújo; Maria \"Mari\"", "VIP", "", "2099-12-31"),
					List.of("ines.excel@example.com", "Inês, a Ótima", "", "", ""),
					List.of("not-an-address", "Ninguém", "", "", ""));
	}

	@Test
	void takesTheSeparatorTheFirstLineHasMoreOfOutsideQuotes() {
		assertThat(StudentCsv.separator("ana@example.com;\"Souza, Ana\";VIP\nx,y")).isEqualTo(';');
		assertThat(StudentCsv.separator("ana@example.com,\"Souza; Ana\",VIP")).isEqualTo(',');
		assertThat(StudentCsv.separator("\r\n\nE-mail;Nome")).isEqualTo(';');
		assertThat(StudentCsv.separator("ana@example.com")).isEqualTo(',');
		String csv = "email;name\nana@example.com;\"Souza, Ana\"";
		assertThat(StudentCsv.read(csv.getBytes(StandardCharsets.UTF_8)).get(0).fields())
			.containsExactly("ana@example.com", "Souza, Ana");
	}

	@Test
	void countsLinesEndedByACarriageReturnAlone() {
		String csv = "a@example.com,A\r\rb@example.com,\"B\r\nB\"\rc@example.com";
		assertThat(StudentCsv.read(csv.getBytes(StandardCharsets.UTF_8))).extracting(StudentCsv.Record::line)
			.containsExactly(1, 3, 5);
	}

	@Test
	void refusesAFileThatIsNotCsvAndSaysWhere() {
		String unclosed = "a@example.com,A\nb@example.com,\"B\nc@example.com,C\n\n";
		assertThatExceptionOfType(ClubRefused.class)
			.isThrownBy(() -> StudentCsv.read(unclosed.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("import.malformed"))
			.satisfies((ex) -> assertThat(ex.args()).containsExactly("2"));
		String trailing = "a@example.com,\"A\" junior\n";
		assertThatExceptionOfType(ClubRefused.class)
			.isThrownBy(() -> StudentCsv.read(trailing.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.args()).containsExactly("1"));
	}

}
