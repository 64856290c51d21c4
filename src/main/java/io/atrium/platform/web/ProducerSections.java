package io.atrium.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The producer area's sections (dashboard, products, sales, …) that the layout shows as a
 * sidebar, or inside the menu on a phone, on every page under {@code /business} a
 * producer opens. The section the page belongs to is marked current. Put in the model by
 * {@link LayoutModel}.
 */
final class ProducerSections {

	static final String AREA = "/business";

	private static final List<Section> SECTIONS = List.of(new Section("dashboard", AREA, "speedometer2"),
			new Section("products", AREA + "/products", "box-seam"), new Section("sales", AREA + "/sales", "receipt"),
			new Section("subscriptions", AREA + "/subscriptions", "arrow-repeat"),
			new Section("club", AREA + "/club", "people"),
			new Section("refunds", AREA + "/refunds", "arrow-counterclockwise"),
			new Section("webhooks", AREA + "/webhooks", "broadcast"),
			new Section("api", AREA + "/credentials", "code-slash"),
			new Section("settings", AREA + "/time-zone", "gear"));

	private ProducerSections() {
	}

	/**
	 * @param request the page's request
	 * @param path its path inside the application
	 * @return the sections with the current one marked, or an empty list when the page is
	 * not a producer's (outside {@code /business}, or the person is not a producer)
	 */
	static List<Current> of(HttpServletRequest request, String path) {
		if (!isProducerPage(path) || !request.isUserInRole("PRODUCER")) {
			return List.of();
		}
		String current = currentKey(path);
		return SECTIONS.stream()
			.map((s) -> new Current(s.key(), s.href(), s.icon(), s.key().equals(current), s.href().equals(path)))
			.toList();
	}

	static boolean isProducerPage(String path) {
		return path.equals(AREA) || path.startsWith(AREA + "/");
	}

	/**
	 * The section a path belongs to: the longest matching section, members-area pages of
	 * a product under "club".
	 */
	static String currentKey(String path) {
		if (path.matches("/business/products/[^/]+/club(/.*)?")) {
			return "club";
		}
		String best = "dashboard";
		int length = 0;
		for (Section section : SECTIONS) {
			String href = section.href();
			if ((path.equals(href) || path.startsWith(href + "/")) && href.length() > length) {
				best = section.key();
				length = href.length();
			}
		}
		return best;
	}

	record Section(String key, String href, String icon) {
	}

	/**
	 * A section as the layout shows it.
	 *
	 * @param key names the label, {@code design.section.<key>}
	 * @param href where it leads
	 * @param icon the Bootstrap Icons name
	 * @param current whether the page belongs to this section
	 * @param here whether the page is the section's own first page
	 */
	record Current(String key, String href, String icon, boolean current, boolean here) {
	}

}
