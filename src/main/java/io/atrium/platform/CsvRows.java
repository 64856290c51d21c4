package io.atrium.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;

/**
 * Writes CSV with Apache Commons CSV as RFC 4180 says (comma, CRLF, quotes around fields
 * that need them, quotes doubled) and guards against formula injection: a field starting
 * with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so
 * spreadsheets show it as text. Used by every CSV export (sales, students); the student
 * import reads with the same library.
 */
public final class CsvRows {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180;

	private CsvRows() {
	}

	/**
	 * @param out where to write
	 * @param fields the row's fields, null written as empty
	 * @throws IOException when writing fails
	 */
	public static void row(Writer out, List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			FORMAT.print(defused(fields.get(i)), out, i == 0);
		}
		FORMAT.println(out);
	}

	/**
	 * @param value a field, or null
	 * @return the field as written
	 */
	public static String field(String value) {
		return FORMAT.format(defused(value));
	}

	private static String defused(String value) {
		String text = (value != null) ? value : "";
		return (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

}
