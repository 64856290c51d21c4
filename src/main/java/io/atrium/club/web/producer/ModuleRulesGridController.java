package io.atrium.club.web.producer;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.SignedInAccount;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.access.ContentRule;
import io.atrium.club.access.Drip;
import io.atrium.club.access.Expiration;
import io.atrium.club.access.RuleTable;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleContent;
import io.atrium.club.content.RuleChange;
import io.atrium.club.content.RulesRefused;
import io.atrium.club.groups.Group;
import io.atrium.platform.Dates;
import io.atrium.platform.InputLimits;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The module rules grid
 * ({@code /business/products/{productId}/club/rules/modules/{moduleId}}): the visibility,
 * release and expiry of a module and each of its pages for every group, in one form, one
 * row per item and one column per group. Saved with {@link ClubContent#setModuleRules}:
 * all cells or none; a refused cell shows its reason in the cell. Dates are days in the
 * producer's time zone.
 */
@Controller
@RequestMapping("/business/products/{productId}/club/rules/modules/{moduleId}")
class ModuleRulesGridController {

	private static final String ERROR = "club.producer.rule.error.";

	private final ClubContent content;

	private final ProducerClubPages pages;

	ModuleRulesGridController(ClubContent content, ProducerClubPages pages) {
		this.content = content;
		this.pages = pages;
	}

	/** One row: the module or one of its pages. */
	record Row(boolean page, long id, String name, List<Cell> cells) {
	}

	/** One cell as shown (and as typed, when the grid comes back refused). */
	record Cell(String id, boolean page, long itemId, long groupId, String groupName, String itemName, boolean follow,
			boolean visible, String drip, String dripDays, String dripDate, String dripPageId, String expire,
			String expireDays, String expireDate, String error) {

		Cell withError(String message) {
			return new Cell(this.id, this.page, this.itemId, this.groupId, this.groupName, this.itemName, this.follow,
					this.visible, this.drip, this.dripDays, this.dripDate, this.dripPageId, this.expire,
					this.expireDays, this.expireDate, message);
		}

	}

	/** A page a release can wait for. */
	record PageOption(long id, String name) {
	}

	@GetMapping
	String show(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long moduleId,
			Model model) {
		RuleTable table = this.content.rules(ProducerClubPages.producer(me), productId);
		ModuleContent mc = module(table, moduleId);
		ZoneId zone = this.pages.zone(me);
		List<Row> rows = new ArrayList<>();
		rows.add(new Row(false, moduleId, mc.module().name(),
				table.groups()
					.stream()
					.map((g) -> shown(false, moduleId, mc.module().name(), g, table.module(moduleId, g.id()), zone))
					.toList()));
		for (ClubPage p : mc.pages()) {
			rows.add(new Row(true, p.id(), p.name(),
					table.groups()
						.stream()
						.map((g) -> shown(true, p.id(), p.name(), g, table.page(p.id(), g.id()), zone))
						.toList()));
		}
		return page(me, productId, table, mc, rows, false, model);
	}

	@PostMapping
	String save(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long moduleId,
			@RequestParam MultiValueMap<String, String> params, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		RuleTable table = this.content.rules(ProducerClubPages.producer(me), productId);
		ModuleContent mc = module(table, moduleId);
		ZoneId zone = this.pages.zone(me);
		Map<String, Cell> typed = new LinkedHashMap<>();
		List<RuleChange> changes = new ArrayList<>();
		boolean faulty = false;
		List<Row> rows = new ArrayList<>();
		List<Object[]> items = new ArrayList<>();
		items.add(new Object[] { false, moduleId, mc.module().name() });
		mc.pages().forEach((p) -> items.add(new Object[] { true, p.id(), p.name() }));
		for (Object[] item : items) {
			boolean isPage = (boolean) item[0];
			long id = (long) item[1];
			List<Cell> cells = new ArrayList<>();
			for (Group g : table.groups()) {
				Cell cell = typed(params, isPage, id, (String) item[2], g);
				try {
					changes.add(new RuleChange(g.id(), isPage, id, cell.follow() ? null : rule(cell, zone, locale)));
				}
				catch (ClubRefused ex) {
					cell = cell.withError(ex.getMessage());
					faulty = true;
				}
				typed.put(cell.id(), cell);
				cells.add(cell);
			}
			rows.add(new Row(isPage, id, (String) item[2], cells));
		}
		if (!faulty) {
			try {
				int saved = this.content.setModuleRules(ProducerClubPages.producer(me), moduleId, changes);
				redirect.addFlashAttribute("notice", "club-tools.grid.saved");
				redirect.addFlashAttribute("noticeArg", mc.module().name());
				redirect.addFlashAttribute("noticeArg2", saved);
				return "redirect:/business/products/" + productId + "/club/rules/modules/" + moduleId;
			}
			catch (RulesRefused ex) {
				rows = rows.stream().map((r) -> new Row(r.page(), r.id(), r.name(), r.cells().stream().map((c) -> {
					ClubRefused refusal = ex.cells().get(RuleChange.cell(c.page(), c.itemId(), c.groupId()));
					return (refusal != null) ? c.withError(this.pages.refusal(refusal, locale)) : c;
				}).toList())).toList();
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return page(me, productId, table, mc, rows, true, model);
	}

	private String page(SignedInAccount me, long productId, RuleTable table, ModuleContent mc, List<Row> rows,
			boolean refused, Model model) {
		model.addAttribute("product", this.pages.product(me, productId));
		model.addAttribute("module", mc.module());
		model.addAttribute("groups", table.groups());
		model.addAttribute("rows", rows);
		model.addAttribute("refused", refused);
		model.addAttribute("errorCount",
				rows.stream().flatMap((r) -> r.cells().stream()).filter((c) -> c.error() != null).count());
		model.addAttribute("pageOptions",
				table.content()
					.stream()
					.flatMap((x) -> x.pages().stream())
					.map((p) -> new PageOption(p.id(), p.name()))
					.toList());
		model.addAttribute("maxDays", Drip.MAX_DAYS);
		model.addAttribute("zone", this.pages.zone(me).getId());
		model.addAttribute("tab", "rules");
		return "club/tools/rules-grid";
	}

	private static Cell shown(boolean page, long itemId, String itemName, Group g, RuleTable.Cell cell, ZoneId zone) {
		ContentRule r = cell.rule();
		Drip d = r.drip();
		Expiration e = r.expiration();
		return new Cell(id(page, itemId, g.id()), page, itemId, g.id(), g.name(), itemName, page && !cell.own(),
				r.visible(), d.kind().name(), (d.days() != null) ? d.days().toString() : "",
				Dates.isoDay(d.date(), zone), (d.afterPageId() != null) ? d.afterPageId().toString() : "",
				e.kind().name(), (e.days() != null) ? e.days().toString() : "", Dates.isoDay(e.date(), zone), null);
	}

	private static Cell typed(MultiValueMap<String, String> params, boolean page, long itemId, String itemName,
			Group g) {
		String id = id(page, itemId, g.id());
		return new Cell(id, page, itemId, g.id(), g.name(), itemName,
				page && "true".equals(params.getFirst(id + "-follow")), "true".equals(params.getFirst(id + "-visible")),
				value(params, id + "-drip", "IMMEDIATE"), value(params, id + "-dripDays", ""),
				value(params, id + "-dripDate", ""), value(params, id + "-dripPageId", ""),
				value(params, id + "-expire", "NEVER"), value(params, id + "-expireDays", ""),
				value(params, id + "-expireDate", ""), null);
	}

	/**
	 * Reads a typed cell into a rule.
	 * @throws ClubRefused with the message in the reader's language when a field the
	 * chosen kind needs is missing or malformed, or the domain refuses the values
	 */
	private ContentRule rule(Cell c, ZoneId zone, Locale locale) {
		try {
			Drip drip = switch (c.drip()) {
				case "DAYS" -> Drip.afterDays(need(days(c.dripDays()), "days", locale));
				case "DATE" -> Drip.onDate(Dates.startOfDay(need(day(c.dripDate()), "date", locale), zone));
				case "AFTER_PAGE" -> Drip.afterPage(need(number(c.dripPageId()), "page", locale));
				default -> Drip.IMMEDIATE;
			};
			Expiration expiration = switch (c.expire()) {
				case "DAYS" -> Expiration.afterDays(need(days(c.expireDays()), "days", locale));
				case "DATE" -> Expiration.onDate(Dates.startOfDay(need(day(c.expireDate()), "date", locale), zone));
				default -> Expiration.NEVER;
			};
			return new ContentRule(c.visible(), drip, expiration);
		}
		catch (ClubRefused ex) {
			if (ex.code() == null) {
				throw ex;
			}
			throw new ClubRefused(ex.field(), null, this.pages.refusal(ex, locale));
		}
	}

	private <T> T need(T value, String error, Locale locale) {
		if (value == null) {
			throw new ClubRefused(null, null,
					"days".equals(error) ? this.pages.message(ERROR + error, locale, Drip.MAX_DAYS)
							: this.pages.message(ERROR + error, locale));
		}
		return value;
	}

	private static String day(String text) {
		return (text != null && !text.isBlank() && InputLimits.day(text).isPresent()) ? text.strip() : null;
	}

	private static Integer days(String text) {
		Long value = number(text);
		return (value != null && value >= 1 && value <= Drip.MAX_DAYS) ? value.intValue() : null;
	}

	private static Long number(String text) {
		try {
			return (text != null && !text.isBlank()) ? Long.valueOf(text.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String value(MultiValueMap<String, String> params, String name, String otherwise) {
		String v = params.getFirst(name);
		return (v != null) ? v.strip() : otherwise;
	}

	private static String id(boolean page, long itemId, long groupId) {
		return "c-" + (page ? "p" : "m") + itemId + "-" + groupId;
	}

	private static ModuleContent module(RuleTable table, long moduleId) {
		return table.content()
			.stream()
			.filter((mc) -> mc.module().id() == moduleId)
			.findFirst()
			.orElseThrow(() -> new ClubNotFound("No module " + moduleId + "."));
	}

}
