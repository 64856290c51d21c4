package io.atrium.club.web.student;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * A file's size as people read it: "850 bytes", "12 KB", "3.4 MB", with the reader's
 * decimal separator.
 */
final class FileSizes {

	private FileSizes() {
	}

	static String show(long bytes, Locale locale) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		NumberFormat number = NumberFormat.getNumberInstance(locale);
		number.setMaximumFractionDigits(1);
		if (bytes < 1024 * 1024) {
			return number.format(bytes / 1024.0) + " KB";
		}
		return number.format(bytes / (1024.0 * 1024.0)) + " MB";
	}

}
