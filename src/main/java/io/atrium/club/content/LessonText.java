package io.atrium.club.content;

import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * <p>
 * The HTML depends on nothing but the text, so it is remembered by the text itself (a
 * bounded cache, never stale: an edited page is a new text): a lesson's text was parsed
 * and cleaned on every view, about 6 % of a lesson page's CPU (docs/performance.md).
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

	/**
	 * Characters of text remembered at most (texts and their HTML, about 2 bytes each).
	 */
	static final long CACHED_CHARS = 4_000_000;

	private static final Cache<String, String> HTML = Caffeine.newBuilder()
		.maximumWeight(CACHED_CHARS)
		.<String, String>weigher((text, html) -> text.length() + html.length())
		.build();

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
		return HTML.get(markdown, LessonText::clean);
	}

	private static String clean(String markdown) {
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
