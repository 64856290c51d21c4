package io.atrium.club.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.atrium.club.ClubRefused;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file of students with Apache Commons CSV as RFC 4180 says (quoted fields
 * may hold separators, quotes doubled, line breaks), in UTF-8 (with or without a byte
 * order mark, as Excel's "CSV UTF-8" writes) or else Windows-1252 (Excel's plain "CSV"),
 * separated by commas or semicolons: the separator is the one the first line has more of
 * outside quotes (Excel in Brazil, Spain and Italy writes semicolons). Blank lines are
 * skipped; the first record is a header, and skipped, when its first field names an
 * e-mail column instead of holding an address.
 */
final class StudentCsv {

	private static final char BOM = '\uFEFF';

	private StudentCsv() {
	}

	/**
	 * One record of the file.
	 *
	 * @param line the line it starts on, from 1
	 * @param fields its fields, unquoted and stripped
	 */
	record Record(int line, List<String> fields) {
	}

	/**
	 * @param bytes the file
	 * @return its records, without the header
	 * @throws ClubRefused when the file is not CSV (a quote never closed, or text after a
	 * closing quote)
	 */
	static List<Record> read(byte[] bytes) {
		String text = decode(bytes);
		if (!text.isEmpty() && text.charAt(0) == BOM) {
			text = text.substring(1);
		}
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setDelimiter(separator(text))
			// blank lines come as empty records (skipped below), so that every record's
			// character position is where its line starts
			.setIgnoreEmptyLines(false)
			.setIgnoreSurroundingSpaces(true)
			.get();
		int[] lineStarts = lineStarts(text);
		List<Record> records = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, format)) {
			try {
				for (CSVRecord record : parser) {
					List<String> fields = record.stream().map(String::strip).toList();
					if (!fields.stream().allMatch(String::isEmpty)) {
						records.add(new Record(line(lineStarts, record.getCharacterPosition()), fields));
					}
				}
			}
			catch (UncheckedIOException ex) {
				throw malformed(unclosedQuoteLine(text, lineStarts), Math.max(1, parser.getCurrentLineNumber()));
			}
		}
		catch (IOException ex) {
			throw malformed(unclosedQuoteLine(text, lineStarts), 1);
		}
		if (!records.isEmpty() && isHeader(records.get(0))) {
			records.remove(0);
		}
		return records;
	}

	private static ClubRefused malformed(int unclosedQuoteLine, long stoppedAtLine) {
		long line = (unclosedQuoteLine > 0) ? unclosedQuoteLine : stoppedAtLine;
		return new ClubRefused("file", "import.malformed",
				"Line " + line + " of the file is not CSV: a quote is not closed, or text follows a closing quote.",
				String.valueOf(line));
	}

	/** The line of a quote that is never closed, 0 when every quote is closed. */
	private static int unclosedQuoteLine(String text, int[] lineStarts) {
		int opened = -1;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '"') {
				opened = (opened < 0) ? i : -1;
			}
		}
		return (opened < 0) ? 0 : line(lineStarts, opened);
	}

	private static boolean isHeader(Record first) {
		String name = first.fields().get(0).toLowerCase(Locale.ROOT);
		return !name.contains("@") && (name.contains("mail") || name.contains("correo"));
	}

	/**
	 * The separator of the first line: semicolon when it has more semicolons than commas
	 * outside quotes, else comma.
	 */
	static char separator(String text) {
		int semicolons = 0;
		int commas = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				if (semicolons + commas > 0) {
					break;
				}
			}
			else if (!quoted && c == ';') {
				semicolons++;
			}
			else if (!quoted && c == ',') {
				commas++;
			}
		}
		return (semicolons > commas) ? ';' : ',';
	}

	/**
	 * Where each line starts; a line ends at LF, CR LF or a lone CR, as for the parser.
	 */
	private static int[] lineStarts(String text) {
		int[] starts = new int[16];
		int count = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = i + 1;
			}
		}
		return Arrays.copyOf(starts, count);
	}

	private static int line(int[] lineStarts, long position) {
		int found = Arrays.binarySearch(lineStarts, (int) position);
		return (found >= 0) ? found + 1 : -found - 1;
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
