package io.atrium.notifications.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns plain text into safe HTML: everything is escaped, and only {@code http(s)} URLs
 * become links. Meant for {@code th:utext}.
 */
final class Linkified {

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);

	private static final String TRAILING_PUNCTUATION = ".,;:!?)]}";

	private Linkified() {
	}

	/**
	 * @param text plain text, may be null
	 * @return the text as HTML with its URLs as links
	 */
	static String html(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder html = new StringBuilder(text.length() + 64);
		Matcher matcher = URL.matcher(text);
		int done = 0;
		while (matcher.find()) {
			String url = matcher.group();
			int end = url.length();
			while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
				end--;
			}
			url = url.substring(0, end);
			html.append(HtmlUtils.htmlEscape(text.substring(done, matcher.start()), "UTF-8"));
			String escaped = HtmlUtils.htmlEscape(url, "UTF-8");
			html.append("<a href=\"")
				.append(escaped)
				.append("\" rel=\"noopener noreferrer\">")
				.append(escaped)
				.append("</a>");
			done = matcher.start() + end;
		}
		html.append(HtmlUtils.htmlEscape(text.substring(done), "UTF-8"));
		return html.toString();
	}

}
