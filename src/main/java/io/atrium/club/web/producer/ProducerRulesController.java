package io.atrium.club.web.producer;

import java.time.Instant;
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
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleContent;
import io.atrium.club.groups.Group;
import io.atrium.platform.Dates;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Access rules tab: one table with every module and page as rows and every group as
 * columns, each cell showing visibility, drip and expiration, and the form that edits one
 * cell. Dates are days in the producer's time zone: a date means 00:00 of that day there.
 */
@Controller
@RequestMapping("/business/products/{productId}/club/rules")
class ProducerRulesController {

	private final ClubContent content;

	private final ProducerClubPages pages;

	ProducerRulesController(ClubContent content, ProducerClubPages pages) {
		this.content = content;
		this.pages = pages;
	}

	/** One row of the table: a module or a page. */
	record Row(boolean page, long id, String name, List<CellView> cells) {
	}

	/** One cell, written out. */
	record CellView(long groupId, String groupName, boolean visible, String visibility, String drip, String expiration,
			boolean inherited, String editPath) {
	}

	/** The rule form as typed. */
	record RuleForm(Boolean visible, String dripKind, String dripDays, String dripDate, String dripPageId,
			String expireKind, String expireDays, String expireDate, Boolean follow) {

		static RuleForm of(ContentRule rule, boolean follow, ZoneId zone) {
			Drip d = rule.drip();
			Expiration e = rule.expiration();
			return new RuleForm(rule.visible(), d.kind().name(), (d.days() != null) ? d.days().toString() : "",
					Dates.isoDay(d.date(), zone), (d.afterPageId() != null) ? d.afterPageId().toString() : "",
					e.kind().name(), (e.days() != null) ? e.days().toString() : "", Dates.isoDay(e.date(), zone),
					follow);
		}

	}

	/** A page a drip can wait for. */
	record PageOption(long id, String name) {
	}

	@GetMapping
	String show(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, Model model, Locale locale) {
		RuleTable table = this.content.rules(ProducerClubPages.producer(me), productId);
		Map<Long, String> names = pageNames(table.content());
		ZoneId zone = this.pages.zone(me);
		String base = "/business/products/" + productId + "/club/rules";
		List<Row> rows = new ArrayList<>();
		for (ModuleContent mc : table.content()) {
			ClubModule m = mc.module();
			rows.add(new Row(false, m.id(), m.name(),
					table.groups()
						.stream()
						.map((g) -> cell(g, table.module(m.id(), g.id()), false,
								base + "/modules/" + m.id() + "/groups/" + g.id(), names, zone, locale))
						.toList()));
			for (ClubPage p : mc.pages()) {
				rows.add(new Row(true, p.id(), p.name(),
						table.groups()
							.stream()
							.map((g) -> cell(g, table.page(p.id(), g.id()), true,
									base + "/pages/" + p.id() + "/groups/" + g.id(), names, zone, locale))
							.toList()));
			}
		}
		model.addAttribute("product", this.pages.product(me, productId));
		model.addAttribute("groups", table.groups());
		model.addAttribute("rows", rows);
		model.addAttribute("tab", "rules");
		return "club/producer/rules";
	}

	@GetMapping("/modules/{moduleId}/groups/{groupId}")
	String editModule(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long moduleId, @PathVariable long groupId, Model model) {
		RuleTable table = this.content.rules(ProducerClubPages.producer(me), productId);
		ClubModule module = module(table, moduleId);
		Group group = group(table, groupId);
		model.addAttribute("form", RuleForm.of(table.module(moduleId, groupId).rule(), false, this.pages.zone(me)));
		return form(me, productId, table, module.name(), null, group, model, Map.of());
	}

	@PostMapping("/modules/{moduleId}/groups/{groupId}")
	String saveModule(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long moduleId, @PathVariable long groupId, @ModelAttribute("form") RuleForm form, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		RuleTable table = this.content.rules(ProducerClubPages.producer(me), productId);
		ClubModule module = module(table, moduleId);
		Group group = group(table, groupId);
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			ContentRule rule = rule(form, errors, this.pages.zone(me), locale);
			if (errors.isEmpty()) {
				this.content.setModuleRule(ProducerClubPages.producer(me), groupId, moduleId, rule);
				return saved(redirect, productId, module.name(), group.name());
			}
		}
		catch (ClubRefused ex) {
			errors.putAll(this.pages.errors(ex, locale));
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return form(me, productId, table, module.name(), null, group, model, errors);
	}

	@GetMapping("/pages/{pageId}/groups/{groupId}")
	String editPage(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long pageId, @PathVariable long groupId, Model model) {
		RuleTable table = this.content.rules(ProducerClubPages.producer(me), productId);
		ClubPage page = page(table, pageId);
		Group group = group(table, groupId);
		RuleTable.Cell cell = table.page(pageId, groupId);
		model.addAttribute("form", RuleForm.of(cell.rule(), !cell.own(), this.pages.zone(me)));
		return form(me, productId, table, page.name(), page, group, model, Map.of());
	}

	@PostMapping("/pages/{pageId}/groups/{groupId}")
	String savePage(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long pageId, @PathVariable long groupId, @ModelAttribute("form") RuleForm form, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		RuleTable table = this.content.rules(ProducerClubPages.producer(me), productId);
		ClubPage page = page(table, pageId);
		Group group = group(table, groupId);
		Map<String, String> errors = new LinkedHashMap<>();
		boolean follow = Boolean.TRUE.equals(form.follow());
		try {
			ContentRule rule = follow ? null : rule(form, errors, this.pages.zone(me), locale);
			if (errors.isEmpty()) {
				this.content.setPageRule(ProducerClubPages.producer(me), groupId, pageId, rule);
				return saved(redirect, productId, page.name(), group.name());
			}
		}
		catch (ClubRefused ex) {
			errors.putAll(this.pages.errors(ex, locale));
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return form(me, productId, table, page.name(), page, group, model, errors);
	}

	/**
	 * Reads the form into a rule, or records one message per field at fault.
	 */
	private ContentRule rule(RuleForm form, Map<String, String> errors, ZoneId zone, Locale locale) {
		Drip drip = Drip.IMMEDIATE;
		String dripKind = (form.dripKind() != null) ? form.dripKind() : "IMMEDIATE";
		switch (dripKind) {
			case "DAYS" -> {
				Integer days = days(form.dripDays());
				if (days == null) {
					errors.put("dripDays", this.pages.message("club.producer.rule.error.days", locale, Drip.MAX_DAYS));
				}
				else {
					drip = Drip.afterDays(days);
				}
			}
			case "DATE" -> {
				Instant date = Dates.startOfDay(form.dripDate(), zone);
				if (date == null) {
					errors.put("dripDate", this.pages.message("club.producer.rule.error.date", locale));
				}
				else {
					drip = Drip.onDate(date);
				}
			}
			case "AFTER_PAGE" -> {
				Long page = number(form.dripPageId());
				if (page == null) {
					errors.put("drip", this.pages.message("club.producer.rule.error.page", locale));
				}
				else {
					drip = Drip.afterPage(page);
				}
			}
			default -> drip = Drip.IMMEDIATE;
		}
		Expiration expiration = Expiration.NEVER;
		String expireKind = (form.expireKind() != null) ? form.expireKind() : "NEVER";
		if (expireKind.equals("DAYS")) {
			Integer days = days(form.expireDays());
			if (days == null) {
				errors.put("expireDays", this.pages.message("club.producer.rule.error.days", locale, Drip.MAX_DAYS));
			}
			else {
				expiration = Expiration.afterDays(days);
			}
		}
		else if (expireKind.equals("DATE")) {
			Instant date = Dates.startOfDay(form.expireDate(), zone);
			if (date == null) {
				errors.put("expireDate", this.pages.message("club.producer.rule.error.date", locale));
			}
			else {
				expiration = Expiration.onDate(date);
			}
		}
		return errors.isEmpty() ? new ContentRule(Boolean.TRUE.equals(form.visible()), drip, expiration) : null;
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

	private CellView cell(Group group, RuleTable.Cell cell, boolean page, String editPath, Map<Long, String> names,
			ZoneId zone, Locale locale) {
		ContentRule rule = cell.rule();
		return new CellView(group.id(), group.name(), rule.visible(), this.pages.visibility(rule, locale),
				this.pages.drip(rule.drip(), names, zone, locale),
				this.pages.expiration(rule.expiration(), zone, locale), page && !cell.own(), editPath);
	}

	private String saved(RedirectAttributes redirect, long productId, String item, String group) {
		redirect.addFlashAttribute("notice", "club.producer.rule.saved");
		redirect.addFlashAttribute("noticeArg", item);
		redirect.addFlashAttribute("noticeArg2", group);
		return "redirect:/business/products/" + productId + "/club/rules";
	}

	private String form(SignedInAccount me, long productId, RuleTable table, String itemName, ClubPage page,
			Group group, Model model, Map<String, String> errors) {
		model.addAttribute("product", this.pages.product(me, productId));
		model.addAttribute("itemName", itemName);
		model.addAttribute("isPage", page != null);
		model.addAttribute("group", group);
		model.addAttribute("pageOptions",
				table.content()
					.stream()
					.flatMap((mc) -> mc.pages().stream())
					.filter((p) -> page == null || p.id() != page.id())
					.map((p) -> new PageOption(p.id(), p.name()))
					.toList());
		model.addAttribute("errors", errors);
		model.addAttribute("maxDays", Drip.MAX_DAYS);
		model.addAttribute("zone", this.pages.zone(me).getId());
		return "club/producer/rule-form";
	}

	private static Map<Long, String> pageNames(List<ModuleContent> content) {
		Map<Long, String> names = new LinkedHashMap<>();
		content.forEach((mc) -> mc.pages().forEach((p) -> names.put(p.id(), p.name())));
		return names;
	}

	private static ClubModule module(RuleTable table, long moduleId) {
		return table.content()
			.stream()
			.map(ModuleContent::module)
			.filter((m) -> m.id() == moduleId)
			.findFirst()
			.orElseThrow(() -> new ClubNotFound("No module " + moduleId + "."));
	}

	private static ClubPage page(RuleTable table, long pageId) {
		return table.content()
			.stream()
			.flatMap((mc) -> mc.pages().stream())
			.filter((p) -> p.id() == pageId)
			.findFirst()
			.orElseThrow(() -> new ClubNotFound("No page " + pageId + "."));
	}

	private static Group group(RuleTable table, long groupId) {
		return table.groups()
			.stream()
			.filter((g) -> g.id() == groupId)
			.findFirst()
			.orElseThrow(() -> new ClubNotFound("No group " + groupId + "."));
	}

}
