package io.atrium.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV as RFC 4180 says (comma, CRLF, quotes around fields holding a comma, quote
 * or line break, quotes doubled) and guards against formula injection: a field starting
 * with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so
 * spreadsheets show it as text. Used by every CSV export (sales, students).
 */
public final class CsvRows {

	private CsvRows() {
	}

	/**
	 * @param out where to write
	 * @param fields the row's fields, null written as empty
	 * @throws IOException when writing fails
	 */
	public static void row(Writer out, List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(field(fields.get(i)));
		}
		out.write("\r\n");
	}

	/**
	 * @param value a field, or null
	 * @return the field as written
	 */
	public static String field(String value) {
		String text = (value != null) ? value : "";
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
