package io.atrium.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key exists in all four languages, every key a template uses exists, and
 * no template carries visible text of its own.
 */
class MessagesTests {

	private static final List<String> SUFFIXES = List.of("", "_pt_BR", "_es", "_it");

	private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([a-zA-Z0-9_.\\-]+)");

	private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	@Test
	void everyLanguageHasEveryKey() throws IOException {
		List<String> problems = new ArrayList<>();
		for (String basename : basenames()) {
			Properties english = load("messages/" + basename + ".properties");
			for (String suffix : SUFFIXES) {
				Properties translated = load("messages/" + basename + suffix + ".properties");
				Set<String> missing = new TreeSet<>(english.stringPropertyNames());
				missing.removeAll(translated.stringPropertyNames());
				Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
				extra.removeAll(english.stringPropertyNames());
				missing.forEach((k) -> problems.add(basename + suffix + ": missing " + k));
				extra.forEach((k) -> problems.add(basename + suffix + ": not in English " + k));
				translated.stringPropertyNames()
					.stream()
					.filter((k) -> translated.getProperty(k).isBlank())
					.forEach((k) -> problems.add(basename + suffix + ": empty " + k));
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyKeyATemplateUsesExists() throws IOException {
		Set<String> known = new TreeSet<>();
		for (String basename : basenames()) {
			known.addAll(load("messages/" + basename + ".properties").stringPropertyNames());
		}
		List<String> problems = new ArrayList<>();
		for (Resource template : templates()) {
			Matcher matcher = KEY_IN_TEMPLATE.matcher(read(template));
			while (matcher.find()) {
				if (!known.contains(matcher.group(1))) {
					problems.add(template.getFilename() + ": unknown key " + matcher.group(1));
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Resource template : templates()) {
			if (!template.getFilename().endsWith(".html")) {
				continue;
			}
			Document document = Jsoup.parse(read(template));
			for (Element element : document.getAllElements()) {
				if (replacedByThymeleaf(element) || element.tagName().equals("script")
						|| element.tagName().equals("style")) {
					continue;
				}
				for (TextNode text : element.textNodes()) {
					String visible = text.text().strip();
					if (visible.chars().anyMatch(Character::isLetter) && !visible.startsWith("[[")
							&& !visible.startsWith("[(")) {
						problems.add(template.getFilename() + ": <" + element.tagName() + "> \"" + visible + "\"");
					}
				}
				for (String attribute : List.of("placeholder", "title", "aria-label", "alt")) {
					if (element.hasAttr(attribute) && !element.attr(attribute).isBlank()) {
						problems.add(template.getFilename() + ": " + attribute + "=\"" + element.attr(attribute)
								+ "\" (use th:" + attribute + ")");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private static boolean replacedByThymeleaf(Element element) {
		for (Element e = element; e != null; e = e.parent()) {
			if (e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace") || e.hasAttr("th:insert")
					|| (e != element && e.hasAttr("th:remove"))) {
				return true;
			}
		}
		return element.hasAttr("th:remove");
	}

	private Set<String> basenames() throws IOException {
		Set<String> names = new TreeSet<>();
		for (Resource resource : this.resolver.getResources("classpath*:messages/*.properties")) {
			String name = resource.getFilename().replace(".properties", "");
			if (SUFFIXES.stream().skip(1).noneMatch(name::endsWith)) {
				names.add(name);
			}
		}
		assertThat(names).isNotEmpty();
		return names;
	}

	private List<Resource> templates() throws IOException {
		List<Resource> all = new ArrayList<>(List.of(this.resolver.getResources("classpath*:templates/**/*.html")));
		all.addAll(List.of(this.resolver.getResources("classpath*:templates/**/*.txt")));
		assertThat(all).isNotEmpty();
		return all;
	}

	private Properties load(String path) throws IOException {
		Properties properties = new Properties();
		Resource resource = this.resolver.getResource("classpath:" + path);
		assertThat(resource.exists()).as(path).isTrue();
		try (InputStream in = resource.getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	private static String read(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
