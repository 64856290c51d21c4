package io.atrium.club;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV file of students as RFC 4180 says (quoted fields may hold commas, quotes
 * doubled, line breaks), in UTF-8 (with or without a byte order mark) or else
 * Windows-1252, separated by commas or, when the first line has semicolons and no commas,
 * by semicolons (what spreadsheets in Brazil, Spain and Italy save). Blank lines are
 * skipped; the first record is a header, and skipped, when its first field names an
 * e-mail column instead of holding an address.
 */
final class StudentCsv {

	private StudentCsv() {
	}

	/**
	 * One record of the file.
	 *
	 * @param line the line it starts on, from 1
	 * @param fields its fields, unquoted
	 */
	record Record(int line, List<String> fields) {
	}

	static List<Record> read(byte[] bytes) {
		String text = decode(bytes);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		char separator = separator(text);
		List<Record> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		int line = 1;
		int start = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
			}
			else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
				field.setLength(0);
				quoted = true;
				wasQuoted = true;
			}
			else if (c == separator) {
				fields.add(field.toString());
				field.setLength(0);
				wasQuoted = false;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				add(records, start, fields);
				fields = new ArrayList<>();
				field.setLength(0);
				wasQuoted = false;
				line++;
				start = line;
			}
			else {
				field.append(c);
			}
		}
		if (field.length() > 0 || !fields.isEmpty()) {
			fields.add(field.toString());
			add(records, start, fields);
		}
		if (!records.isEmpty() && isHeader(records.get(0))) {
			records.remove(0);
		}
		return records;
	}

	private static void add(List<Record> records, int line, List<String> fields) {
		if (fields.stream().allMatch(String::isBlank)) {
			return;
		}
		records.add(new Record(line, fields.stream().map(String::strip).toList()));
	}

	private static boolean isHeader(Record first) {
		String name = first.fields().get(0).toLowerCase(Locale.ROOT);
		return !name.contains("@") && (name.contains("mail") || name.contains("correo"));
	}

	private static char separator(String text) {
		int end = text.indexOf('\n');
		String first = (end >= 0) ? text.substring(0, end) : text;
		return (first.indexOf(';') >= 0 && first.indexOf(',') < 0) ? ';' : ',';
	}

	private static String decode(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, Charset.forName("windows-1252"));
		}
	}

}
