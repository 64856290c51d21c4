package io.atrium.club.web.producer;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.atrium.accounts.SignedInAccount;
import io.atrium.club.ClubRefused;
import io.atrium.club.access.ClubAccess;
import io.atrium.club.access.StudentCourse;
import io.atrium.club.groups.Enrolled;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
import io.atrium.club.groups.StudentStatus;
import io.atrium.club.imports.StudentImports;
import io.atrium.platform.CsvRows;
import io.atrium.platform.InputLimits;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The producer's Users tab ({@code /business/products/{productId}/club/students}): the
 * product's students with filters and pages, bulk actions (change group, block, unblock,
 * resend the access e-mail), the CSV export of the filtered list and the form that adds
 * one student.
 */
@Controller
@RequestMapping("/business/products/{productId}/club")
class StudentsPageController {

	static final int PAGE_SIZE = 50;

	private final Enrollments enrollments;

	private final Groups groups;

	private final ClubAccess access;

	private final StudentImports imports;

	private final StudentsPageSupport pages;

	private final Clock clock;

	StudentsPageController(Enrollments enrollments, Groups groups, ClubAccess access, StudentImports imports,
			StudentsPageSupport pages, Clock clock) {
		this.enrollments = enrollments;
		this.groups = groups;
		this.access = access;
		this.imports = imports;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping("/students")
	String list(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@ModelAttribute("form") StudentsForm form, Locale locale, Model model) {
		return page(me.accountId().value(), productId, form, locale, model);
	}

	@PostMapping("/students/actions")
	String act(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@ModelAttribute("form") StudentsForm form,
			@RequestParam(name = "student", required = false) List<Long> students,
			@RequestParam(name = "action", defaultValue = "") String action,
			@RequestParam(name = "targetGroup", required = false) Long targetGroup,
			@RequestParam(name = "scope", defaultValue = "") String scope, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		long producer = me.accountId().value();
		List<Long> chosen = (students != null) ? students : List.of();
		if ("all".equals(scope) && StudentBulkController.ACTIONS.contains(action)) {
			// every student matching the filter: the count and a confirmation first
			redirect.addAttribute("action", action);
			redirect.addAttribute("targetGroup", (targetGroup != null) ? targetGroup : "");
			redirect.addAttribute("q", form.query());
			redirect.addAttribute("group", (form.group() != null) ? form.group() : "");
			redirect.addAttribute("status", (form.statusValue() != null) ? form.statusValue().name() : "");
			return "redirect:/business/products/" + productId + "/club/students/bulk";
		}
		try {
			String notice = switch (action) {
				case "move" -> {
					if (targetGroup == null) {
						throw new ClubRefused("targetGroup", "students.group-required", "Choose the group.");
					}
					int n = this.enrollments.move(producer, productId, chosen, targetGroup);
					yield this.pages.message("club-users.done.moved", locale, n,
							this.groups.find(producer, targetGroup).name());
				}
				case "block" -> this.pages.message("club-users.done.blocked", locale,
						this.enrollments.block(producer, productId, chosen, true));
				case "unblock" -> this.pages.message("club-users.done.unblocked", locale,
						this.enrollments.block(producer, productId, chosen, false));
				case "resend" -> this.pages.message("club-users.done.resent", locale,
						this.enrollments.resendAccess(producer, productId, chosen));
				default -> throw new ClubRefused("action", "students.action-unknown", "Choose an action.");
			};
			redirect.addFlashAttribute("notice", notice);
			redirect.addAttribute("q", form.query());
			redirect.addAttribute("group", (form.group() != null) ? form.group() : "");
			redirect.addAttribute("status", (form.statusValue() != null) ? form.statusValue().name() : "");
			redirect.addAttribute("from", (form.fromDay() != null) ? form.fromDay().toString() : "");
			redirect.addAttribute("to", (form.toDay() != null) ? form.toDay().toString() : "");
			redirect.addAttribute("page", form.pageNumber());
			return "redirect:/business/products/" + productId + "/club/students";
		}
		catch (ClubRefused ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", this.pages.message(ex, locale));
			return page(producer, productId, form, locale, model);
		}
	}

	@GetMapping("/students.csv")
	void csv(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@ModelAttribute("form") StudentsForm form, HttpServletResponse response) throws IOException {
		long producer = me.accountId().value();
		Map<Long, String> groupNames = groupNames(producer, productId);
		ZoneId zone = this.pages.zone(producer);
		// fails before anything is written when the product is not the producer's
		Enrollments.StudentList first = this.enrollments.list(producer, productId,
				form.filter(this.pages.zone(producer)), 0, 500);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"students-" + productId + ".csv\"");
		response.setHeader("Cache-Control", "no-store");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		CsvRows.row(out, List.of("name", "email", "group", "status", "completed_pages", "total_pages", "first_access",
				"last_access", "started_on", "access_ends_on", "source", "transaction"));
		Map<Long, Integer> totals = new HashMap<>();
		Enrollments.StudentList batch = first;
		int offset = 0;
		while (true) {
			for (Enrollment e : batch.students()) {
				int total = totals.computeIfAbsent(e.groupId(),
						(g) -> this.access.courseOf(e).map(StudentCourse::total).orElse(0));
				CsvRows.row(out,
						List.of(e.name(), e.email(), groupNames.getOrDefault(e.groupId(), ""),
								e.status(this.clock.instant()).name(),
								String.valueOf(batch.completed().getOrDefault(e.id(), 0)), String.valueOf(total),
								iso(e.firstAccessAt(), zone), iso(e.lastAccessAt(), zone),
								this.pages.isoDay(e.startedAt(), zone), (e.accessEndsAt() != null)
										? this.pages.isoDay(e.accessEndsAt().minusSeconds(1), zone) : "",
								e.source().name(), (e.transaction() != null) ? e.transaction() : ""));
			}
			offset += batch.students().size();
			if (batch.students().size() < 500) {
				break;
			}
			batch = this.enrollments.list(producer, productId, form.filter(this.pages.zone(producer)), offset, 500);
		}
		out.flush();
	}

	@GetMapping("/students/new")
	String newStudent(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, Model model) {
		return addPage(me.accountId().value(), productId, new AddForm("", "", null, "", ""), null, model);
	}

	@PostMapping("/students/new")
	String add(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@Valid @ModelAttribute("add") AddForm add, BindingResult binding, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		long producer = me.accountId().value();
		if (binding.hasFieldErrors()) {
			response.setStatus(422);
			String template = binding.getFieldErrors().get(0).unwrap(ConstraintViolation.class).getMessageTemplate();
			return addPage(producer, productId, add,
					this.pages.message(template.substring(1, template.length() - 1), locale), model);
		}
		try {
			Enrolled enrolled = this.imports.addOne(producer, productId, add.email(), add.name(), add.group(),
					day(add.startedOn()), day(add.endsOn()));
			redirect.addFlashAttribute("notice",
					this.pages.message(enrolled.created() ? "club-users.done.added" : "club-users.done.updated", locale,
							enrolled.enrollment().email()));
			redirect.addAttribute("q", enrolled.enrollment().email());
			return "redirect:/business/products/" + productId + "/club/students";
		}
		catch (ClubRefused ex) {
			response.setStatus(422);
			return addPage(producer, productId, add, this.pages.message(ex, locale), model);
		}
	}

	private String addPage(long producer, long productId, AddForm add, String problem, Model model) {
		model.addAttribute("groups", this.groups.of(producer, productId));
		model.addAttribute("productId", productId);
		model.addAttribute("productName", this.pages.productName(productId));
		model.addAttribute("add", add);
		model.addAttribute("problem", problem);
		return "club/student-new";
	}

	private String page(long producer, long productId, StudentsForm form, Locale locale, Model model) {
		List<Group> groups = this.groups.of(producer, productId);
		Map<Long, String> groupNames = groups.stream().collect(Collectors.toMap(Group::id, Group::name));
		int page = form.pageNumber();
		ZoneId zone = this.pages.zone(producer);
		Enrollments.StudentList found = this.enrollments.list(producer, productId, form.filter(zone),
				(page - 1) * PAGE_SIZE, PAGE_SIZE);
		// one read of the content, rules and progress for the whole page, not one per
		// student
		Map<Long, ClubAccess.StudentProgress> progress = this.access.progressOf(productId, found.students());
		List<StudentRow> rows = found.students()
			.stream()
			.map((e) -> row(e, progress.get(e.id()), groupNames, zone, locale))
			.toList();
		model.addAttribute("productId", productId);
		model.addAttribute("productName", this.pages.productName(productId));
		model.addAttribute("groups", groups);
		model.addAttribute("statuses", StudentStatus.values());
		model.addAttribute("status", (form.statusValue() != null) ? form.statusValue().name() : "");
		model.addAttribute("rows", rows);
		model.addAttribute("total", found.total());
		model.addAttribute("page", page);
		model.addAttribute("hasNext", (long) page * PAGE_SIZE < found.total());
		return "club/students";
	}

	private StudentRow row(Enrollment e, ClubAccess.StudentProgress progress, Map<Long, String> groupNames, ZoneId zone,
			Locale locale) {
		int completed = progress.completed();
		int total = progress.total();
		String salesLink = (e.purchaseId() != null) ? "/business/sales?buyer=" + encode(e.email()) + "&from="
				+ this.pages.isoDay(e.startedAt(), zone) + "&transaction=" + encode(e.transaction()) : null;
		return new StudentRow(e.id(), e.name(), e.email(), groupNames.getOrDefault(e.groupId(), ""),
				e.status(this.clock.instant()).name(), completed, total, progress.percent(),
				this.pages.dateTime(e.firstAccessAt(), zone, locale),
				this.pages.dateTime(e.lastAccessAt(), zone, locale), this.pages.dateTime(e.startedAt(), zone, locale),
				e.source().name(), e.transaction(), salesLink);
	}

	private Map<Long, String> groupNames(long producer, long productId) {
		return this.groups.of(producer, productId)
			.stream()
			.collect(Collectors.toMap(Group::id, Group::name, (a, b) -> a, HashMap::new));
	}

	private static String iso(java.time.Instant instant, ZoneId zone) {
		return (instant != null)
				? java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone).format(instant) : "";
	}

	/** A day {@link DayText} accepted, or null when blank. */
	private static LocalDate day(String text) {
		return InputLimits.day(text).orElse(null);
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8);
	}

	/**
	 * One student on the Users tab.
	 */
	record StudentRow(long id, String name, String email, String group, String status, int completed, int total,
			int percent, String firstAccess, String lastAccess, String startedOn, String source, String transaction,
			String salesLink) {

	}

	/**
	 * The "add a student" form as typed.
	 */
	record AddForm(String email, String name, Long group, @DayText String startedOn, @DayText String endsOn) {

	}

}
