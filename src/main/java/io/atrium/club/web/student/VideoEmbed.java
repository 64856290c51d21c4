package io.atrium.club.web.student;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embeddable player address of a video page, for the addresses producers paste from
 * the common video hosts: YouTube (watch, embed, shorts, youtu.be, youtube-nocookie),
 * Vimeo, Wistia, Loom, Bunny Stream and Panda Video. Every address is rebuilt from the
 * video's id on the host's own player, so only the players in {@link #FRAME_HOSTS} are
 * ever framed (the CSP's {@code frame-src} lists exactly those); any other address, or
 * one whose id does not look right, is shown as a link, never framed.
 */
final class VideoEmbed {

	/** The player hosts a lesson may frame; the CSP's {@code frame-src}. */
	static final List<String> FRAME_HOSTS = List.of("https://www.youtube-nocookie.com", "https://player.vimeo.com",
			"https://fast.wistia.net", "https://www.loom.com", "https://iframe.mediadelivery.net",
			"https://player.mediadelivery.net", "https://*.tv.pandavideo.com.br");

	private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{6,20}");

	private static final Pattern VIMEO_ID = Pattern.compile("\\d{3,15}");

	private static final Pattern WISTIA_ID = Pattern.compile("[a-z0-9]{6,20}");

	private static final Pattern LOOM_ID = Pattern.compile("[a-f0-9]{16,40}");

	/** Panda Video's players: one host per library, {@code player-vz-7b6cf9e4-8bf}. */
	private static final Pattern PANDA_HOST = Pattern
		.compile("player-vz-[a-z0-9]{6,12}-[a-z0-9]{2,6}\\.tv\\.pandavideo\\.com\\.br");

	private static final Pattern UUID = Pattern.compile("[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}");

	private static final Pattern BUNNY = Pattern.compile("/(?:embed|play)/(\\d{1,10})/([a-f0-9-]{36})/?");

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
		catch (URISyntaxException ex) {
			return null;
		}
		if (uri == null || uri.getHost() == null || !"https".equalsIgnoreCase(uri.getScheme())
				|| uri.getUserInfo() != null || (uri.getPort() != -1 && uri.getPort() != 443)) {
			return null;
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		String path = (uri.getPath() != null) ? uri.getPath() : "";
		return switch (host) {
			case "www.youtube.com", "youtube.com", "m.youtube.com", "www.youtube-nocookie.com",
					"youtube-nocookie.com" ->
				prefixed("https://www.youtube-nocookie.com/embed/", youTube(uri, path));
			case "youtu.be" ->
				prefixed("https://www.youtube-nocookie.com/embed/", matching(YOUTUBE_ID, tail(path, "/")));
			case "vimeo.com", "www.vimeo.com" ->
				prefixed("https://player.vimeo.com/video/", matching(VIMEO_ID, tail(path, "/")));
			case "player.vimeo.com" ->
				prefixed("https://player.vimeo.com/video/", matching(VIMEO_ID, tail(path, "/video/")));
			case "fast.wistia.net", "fast.wistia.com" ->
				prefixed("https://fast.wistia.net/embed/iframe/", matching(WISTIA_ID, tail(path, "/embed/iframe/")));
			case "www.loom.com", "loom.com" -> prefixed("https://www.loom.com/embed/",
					matching(LOOM_ID, path.startsWith("/share/") ? tail(path, "/share/") : tail(path, "/embed/")));
			case "iframe.mediadelivery.net", "player.mediadelivery.net" -> bunny(path);
			default -> {
				if (host.endsWith(".wistia.com") && path.startsWith("/medias/")) {
					yield prefixed("https://fast.wistia.net/embed/iframe/",
							matching(WISTIA_ID, tail(path, "/medias/")));
				}
				yield PANDA_HOST.matcher(host).matches() && (path.equals("/embed/") || path.equals("/embed"))
						? prefixed("https://" + host + "/embed/?v=", matching(UUID, query(uri, "v"))) : null;
			}
		};
	}

	private static String youTube(URI uri, String path) {
		for (String prefix : List.of("/embed/", "/shorts/", "/live/")) {
			if (path.startsWith(prefix)) {
				return matching(YOUTUBE_ID, path.substring(prefix.length()));
			}
		}
		return path.equals("/watch") ? matching(YOUTUBE_ID, query(uri, "v")) : null;
	}

	/** A query parameter's raw value; empty when absent. */
	private static String query(URI uri, String name) {
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				if (pair.startsWith(name + "=")) {
					return pair.substring(name.length() + 1);
				}
			}
		}
		return "";
	}

	private static String bunny(String path) {
		Matcher m = BUNNY.matcher(path);
		return m.matches() ? "https://iframe.mediadelivery.net/embed/" + m.group(1) + "/" + m.group(2) : null;
	}

	private static String tail(String path, String prefix) {
		if (!path.startsWith(prefix)) {
			return "";
		}
		String rest = path.substring(prefix.length());
		return rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
	}

	private static String prefixed(String player, String id) {
		return (id != null) ? player + id : null;
	}

	private static String matching(Pattern pattern, String candidate) {
		Matcher m = pattern.matcher(candidate);
		return m.matches() ? candidate : null;
	}

}
