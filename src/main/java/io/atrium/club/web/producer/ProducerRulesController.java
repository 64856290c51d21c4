package io.atrium.club.web.producer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
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
import io.atrium.platform.InputLimits;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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

	private static final String ERROR = "club.producer.rule.error.";

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

	/**
	 * The rule form as typed. Bean Validation checks the shape of the fields the chosen
	 * kinds need ({@link Shape}): whole days from 1 to {@link Drip#MAX_DAYS}, days as
	 * yyyy-mm-dd within {@link io.atrium.platform.InputLimits}' years, a page id. Whether
	 * the rule makes sense stays with the domain.
	 */
	@RuleForm.Shape
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

		String drip() {
			return (this.dripKind != null) ? this.dripKind : "IMMEDIATE";
		}

		String expire() {
			return (this.expireKind != null) ? this.expireKind : "NEVER";
		}

		/**
		 * The fields the chosen drip and expiration kinds need have the right shape; each
		 * fault is reported on its field with a {@code club.producer.rule.error.*} key.
		 * Not checked when the page follows its module.
		 */
		@Documented
		@Constraint(validatedBy = ShapeValidator.class)
		@Target(ElementType.TYPE)
		@Retention(RetentionPolicy.RUNTIME)
		@interface Shape {

			String message() default "{club.producer.rule.error.days}";

			int max() default Drip.MAX_DAYS;

			Class<?>[] groups() default {};

			Class<? extends Payload>[] payload() default {};

		}

		/**
		 * Checks {@link Shape}.
		 */
		static class ShapeValidator implements ConstraintValidator<Shape, RuleForm> {

			@Override
			public boolean isValid(RuleForm form, ConstraintValidatorContext context) {
				if (form == null || Boolean.TRUE.equals(form.follow())) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				boolean valid = true;
				switch (form.drip()) {
					case "DAYS" -> valid &= check(days(form.dripDays()) != null, "days", "dripDays", context);
					case "DATE" -> valid &= check(day(form.dripDate()), "date", "dripDate", context);
					case "AFTER_PAGE" ->
						valid &= check(number(form.dripPageId()) != null, "page", "dripPageId", context);
					default -> {
					}
				}
				switch (form.expire()) {
					case "DAYS" -> valid &= check(days(form.expireDays()) != null, "days", "expireDays", context);
					case "DATE" -> valid &= check(day(form.expireDate()), "date", "expireDate", context);
					default -> {
					}
				}
				return valid;
			}

			private static boolean day(String text) {
				return text != null && !text.isBlank() && InputLimits.day(text).isPresent();
			}

			private static boolean check(boolean ok, String error, String field, ConstraintValidatorContext context) {
				if (!ok) {
					context.buildConstraintViolationWithTemplate("{" + ERROR + error + "}")
						.addPropertyNode(field)
						.addConstraintViolation();
				}
				return ok;
			}

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
			@PathVariable long moduleId, @PathVariable long groupId, @Valid @ModelAttribute("form") RuleForm form,
			BindingResult binding, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		RuleTable table = this.content.rules(ProducerClubPages.producer(me), productId);
		ClubModule module = module(table, moduleId);
		Group group = group(table, groupId);
		Map<String, String> errors = this.pages.errors(binding, locale);
		try {
			ContentRule rule = errors.isEmpty() ? rule(form, this.pages.zone(me)) : null;
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
			@PathVariable long pageId, @PathVariable long groupId, @Valid @ModelAttribute("form") RuleForm form,
			BindingResult binding, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		RuleTable table = this.content.rules(ProducerClubPages.producer(me), productId);
		ClubPage page = page(table, pageId);
		Group group = group(table, groupId);
		Map<String, String> errors = this.pages.errors(binding, locale);
		boolean follow = Boolean.TRUE.equals(form.follow());
		try {
			ContentRule rule = (follow || !errors.isEmpty()) ? null : rule(form, this.pages.zone(me));
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
	 * Reads a form whose shape Bean Validation accepted into a rule.
	 */
	private static ContentRule rule(RuleForm form, ZoneId zone) {
		Drip drip = switch (form.drip()) {
			case "DAYS" -> Drip.afterDays(days(form.dripDays()));
			case "DATE" -> Drip.onDate(Dates.startOfDay(form.dripDate(), zone));
			case "AFTER_PAGE" -> Drip.afterPage(number(form.dripPageId()));
			default -> Drip.IMMEDIATE;
		};
		Expiration expiration = switch (form.expire()) {
			case "DAYS" -> Expiration.afterDays(days(form.expireDays()));
			case "DATE" -> Expiration.onDate(Dates.startOfDay(form.expireDate(), zone));
			default -> Expiration.NEVER;
		};
		return new ContentRule(Boolean.TRUE.equals(form.visible()), drip, expiration);
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
