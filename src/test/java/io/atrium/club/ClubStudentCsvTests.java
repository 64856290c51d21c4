package io.atrium.club;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

}
