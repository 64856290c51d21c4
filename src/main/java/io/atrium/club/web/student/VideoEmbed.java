package io.atrium.club.web.student;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embeddable player address of a video page, for the YouTube and Vimeo addresses
 * producers paste; any other address is shown as a link, never framed. Only these players
 * are framed, in a sandboxed {@code <iframe>} (the CSP's {@code frame-src https:} allows
 * them; see docs/club-student.md).
 */
final class VideoEmbed {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{6,20}");

	private static final Pattern VIMEO_ID = Pattern.compile("\\d{3,15}");

	private VideoEmbed() {
	}

	/**
	 * @param url the page's video address
	 * @return the player address to frame, or null when the address is not a known player
	 */
	static String of(String url) {
		URI uri;
		try {
			uri = (url != null) ? new URI(url.strip()) : null;
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
		if (uri == null || uri.getHost() == null || !"https".equalsIgnoreCase(uri.getScheme())) {
			return null;
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		String path = (uri.getPath() != null) ? uri.getPath() : "";
		String id = switch (host) {
			case "www.youtube.com", "youtube.com", "m.youtube.com", "www.youtube-nocookie.com" -> youTube(uri, path);
			case "youtu.be" -> matching(ID, path.replaceFirst("^/", ""));
			case "vimeo.com", "www.vimeo.com" -> vimeo(path.replaceFirst("^/", ""));
			case "player.vimeo.com" -> vimeo(path.replaceFirst("^/video/", ""));
			default -> null;
		};
		if (id == null) {
			return null;
		}
		return host.contains("vimeo") ? "https://player.vimeo.com/video/" + id
				: "https://www.youtube-nocookie.com/embed/" + id;
	}

	private static String youTube(URI uri, String path) {
		if (path.startsWith("/embed/")) {
			return matching(ID, path.substring("/embed/".length()));
		}
		if (path.equals("/watch") && uri.getQuery() != null) {
			for (String pair : uri.getQuery().split("&")) {
				if (pair.startsWith("v=")) {
					return matching(ID, pair.substring(2));
				}
			}
		}
		return null;
	}

	private static String vimeo(String candidate) {
		return matching(VIMEO_ID, candidate);
	}

	private static String matching(Pattern pattern, String candidate) {
		Matcher m = pattern.matcher(candidate);
		return m.matches() ? candidate : null;
	}

}
