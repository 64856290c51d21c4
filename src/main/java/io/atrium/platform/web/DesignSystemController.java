package io.atrium.platform.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The design system's live components page ({@code /design-system}): the palette, the
 * type scale and every component of {@code platform/fragments} rendered for real. Public,
 * kept out of search engines.
 */
@Controller
class DesignSystemController {

	private static final Set<String> TABS = Set.of("overview", "tokens", "components");

	static final List<Swatch> PALETTE = List.of(new Swatch("brand", "--atrium-brand", "#4f46e5"),
			new Swatch("brand-strong", "--atrium-brand-stronger", "#3730a3"),
			new Swatch("brand-soft", "--atrium-brand-soft", "#eeedfd"), new Swatch("ink", "--atrium-ink", "#1b1d2a"),
			new Swatch("muted", "--atrium-ink-muted", "#575c72"), new Swatch("paper", "--atrium-paper", "#f6f6fb"),
			new Swatch("line", "--atrium-line-strong", "#c9cbd8"), new Swatch("success", "--atrium-success", "#157347"),
			new Swatch("danger", "--atrium-danger", "#b42318"), new Swatch("warning", "--atrium-accent", "#f59e0b"),
			new Swatch("focus", "--atrium-focus", "#1d4ed8"));

	static final List<String> TYPE_SCALE = List.of("--atrium-text-4xl", "--atrium-text-3xl", "--atrium-text-2xl",
			"--atrium-text-xl", "--atrium-text-lg", "--atrium-text-base", "--atrium-text-sm", "--atrium-text-xs");

	private static final List<SampleSale> SALES = List.of(
			new SampleSale("HP17420000000001", "Ana Souza", "ana@example.com", "R$ 197,00", "2026-03-03"),
			new SampleSale("HP17420000000002", "Bruno Lima", "bruno@example.com", "R$ 197,00", "2026-03-02"),
			new SampleSale("HP17420000000003", "Chiara Rossi", "chiara@example.com", "R$ 97,00", "2026-03-01"));

	@GetMapping("/design-system")
	String page(@RequestParam(name = "tab", required = false) String tab,
			@RequestParam(name = "q", required = false) String q, Model model, HttpServletResponse response) {
		response.setHeader("X-Robots-Tag", "noindex");
		model.addAttribute("tab", (tab != null && TABS.contains(tab)) ? tab : "overview");
		model.addAttribute("q", q);
		model.addAttribute("palette", PALETTE);
		model.addAttribute("typeScale", TYPE_SCALE);
		model.addAttribute("sales", SALES);
		return "platform/design-system";
	}

	/**
	 * A colour of the palette: its name (message {@code design.ds.color.<name>}), token
	 * and value.
	 */
	record Swatch(String name, String token, String value) {
	}

	/** A made-up sale for the table sample. */
	record SampleSale(String transaction, String buyer, String email, String price, String date) {
	}

}
