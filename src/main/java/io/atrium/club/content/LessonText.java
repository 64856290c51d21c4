package io.atrium.club.content;

import java.util.List;
import java.util.Locale;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.modulith.NamedInterface;

/**
 * A page's text as students see it: Markdown (CommonMark with GitHub tables and bare
 * links made links) turned into HTML and cleaned with a jsoup {@link Safelist}, so
 * nothing a producer writes runs in a student's browser: no scripts, frames, forms,
 * inline styles or event handlers; links only to http(s), mailto or Atrium's own paths,
 * opened with {@code rel="noopener noreferrer"}; images only from https addresses or
 * Atrium's own {@code /media/} paths. Plain text with blank lines between paragraphs (how
 * bodies were written before Markdown) comes out as the same paragraphs.
 */
@NamedInterface("content")
public final class LessonText {

	/** Only to resolve relative links while cleaning; never shown. */
	private static final String BASE = "https://atrium.invalid/";

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());

	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();

	private static final Safelist SAFELIST = Safelist.relaxed()
		.removeTags("div", "span", "cite", "colgroup", "col", "dl", "dt", "dd", "q", "small", "sub", "sup", "u")
		.addTags("del", "hr")
		.removeProtocols("img", "src", "http")
		.removeProtocols("a", "href", "ftp")
		.addAttributes("th", "align")
		.addAttributes("td", "align")
		.addEnforcedAttribute("a", "rel", "noopener noreferrer")
		.addEnforcedAttribute("img", "loading", "lazy")
		.preserveRelativeLinks(true);

	private LessonText() {
	}

	/**
	 * @param markdown a page's text, null or blank for none
	 * @return safe HTML for the page, empty when there is no text
	 */
	public static String html(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		String rendered = RENDERER.render(PARSER.parse(markdown));
		Document clean = new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(rendered, BASE));
		for (Element img : clean.select("img")) {
			if (!imageAllowed(img.attr("src"))) {
				img.remove();
			}
		}
		for (Element a : clean.select("a[href]")) {
			if (!linkAllowed(a.attr("href"))) {
				a.unwrap();
			}
		}
		clean.outputSettings().prettyPrint(false);
		return clean.body().html();
	}

	private static boolean imageAllowed(String src) {
		String s = src.strip();
		return (s.regionMatches(true, 0, "https://", 0, 8) && !s.contains("\\"))
				|| (s.startsWith("/media/") && !s.contains("..") && !s.contains("\\"));
	}

	private static boolean linkAllowed(String href) {
		String s = href.strip().toLowerCase(Locale.ROOT);
		return s.startsWith("https://") || s.startsWith("http://") || s.startsWith("mailto:")
				|| (s.startsWith("/") && !s.startsWith("//") && !s.contains("\\")) || s.startsWith("#");
	}

}
