package io.atrium.platform;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRowsTests {

	@Test
	void quotesAsRfc4180() throws IOException {
		StringWriter out = new StringWriter();
		CsvRows.row(out, Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, ""));
		assertThat(out.toString()).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\r\n");
	}

	@Test
	void formulasBecomeText() {
		assertThat(CsvRows.field("=1+1")).isEqualTo("'=1+1");
		assertThat(CsvRows.field("+55 11")).isEqualTo("'+55 11");
		assertThat(CsvRows.field("-2")).isEqualTo("'-2");
		assertThat(CsvRows.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvRows.field("\tx")).isEqualTo("'\tx");
		assertThat(CsvRows.field("=A1,B1")).isEqualTo("\"'=A1,B1\"");
		assertThat(CsvRows.field("Ana = Bia")).isEqualTo("Ana = Bia");
	}

}
