package io.atrium.club.web.producer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.atrium.accounts.SignedInAccount;
import io.atrium.club.ClubRefused;
import io.atrium.club.imports.ImportOutcome;
import io.atrium.club.imports.ImportReport;
import io.atrium.club.imports.StudentImports;
import io.atrium.platform.CsvRows;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing students from a CSV file (uploaded, or pasted): the form, and the import's
 * page with its progress bar (htmx polls the progress fragment until the import is done)
 * and then the report of every row.
 */
@Controller
@RequestMapping("/business/products/{productId}/club/students/import")
class StudentImportPageController {

	private final StudentImports imports;

	private final StudentsPageSupport pages;

	StudentImportPageController(StudentImports imports, StudentsPageSupport pages) {
		this.imports = imports;
		this.pages = pages;
	}

	@GetMapping
	String form(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, Model model) {
		return formPage(me.accountId().value(), productId, null, model);
	}

	@PostMapping
	String upload(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "text", required = false) String text, Locale locale, Model model,
			HttpServletResponse response) throws IOException {
		long producer = me.accountId().value();
		byte[] content = (file != null && !file.isEmpty()) ? file.getBytes()
				: (text != null) ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
		try {
			long id = this.imports.start(producer, productId, content);
			return "redirect:/business/products/" + productId + "/club/students/import/" + id;
		}
		catch (ClubRefused ex) {
			response.setStatus(422);
			return formPage(producer, productId, this.pages.message(ex, locale), model);
		}
	}

	@GetMapping("/{importId}")
	String show(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long importId,
			@RequestParam(name = "show", defaultValue = "all") String show,
			@RequestParam(name = "reason", defaultValue = "") String reason, Locale locale, Model model) {
		ImportReport report = this.imports.report(me.accountId().value(), productId, importId, true);
		model.addAttribute("productId", productId);
		model.addAttribute("productName", this.pages.productName(productId));
		addReport(report, locale, model);
		model.addAttribute("show", SHOWS.contains(show) ? show : "all");
		model.addAttribute("reason", reason);
		model.addAttribute("reasons",
				report.rows()
					.stream()
					.filter((r) -> r.outcome() == ImportOutcome.REFUSED && r.messageKey() != null)
					.collect(java.util.stream.Collectors.groupingBy(ImportReport.Row::messageKey,
							java.util.TreeMap::new, java.util.stream.Collectors.counting()))
					.entrySet()
					.stream()
					.map((e) -> new Reason(e.getKey(), reasonLabel(e.getKey(), e.getValue(), locale), e.getValue()))
					.toList());
		model.addAttribute("rows",
				report.rows().stream().filter((r) -> shown(r, show, reason)).map((r) -> row(r, locale)).toList());
		return "club/student-import-report";
	}

	/**
	 * The refused rows as CSV, to correct and import again: the import file's columns
	 * plus the reason, UTF-8 with a byte order mark so Excel reads the accents.
	 */
	@GetMapping("/{importId}/refused.csv")
	void refusedCsv(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long importId, Locale locale, HttpServletResponse response) throws IOException {
		ImportReport report = this.imports.report(me.accountId().value(), productId, importId, true);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-" + importId + "-refused.csv\"");
		response.setHeader("Cache-Control", "no-store");
		java.io.Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		CsvRows.row(out, List.of("email", "name", "group", "started_on", "ends_on", "reason"));
		for (ImportReport.Row r : report.rows()) {
			if (r.outcome() == ImportOutcome.REFUSED) {
				CsvRows.row(out,
						List.of(r.email(), r.name(), r.group(), r.startedOn(), r.endsOn(), (r.messageKey() != null)
								? this.pages.message(r.messageKey(), locale, r.args().toArray()) : ""));
			}
		}
		out.flush();
	}

	/** What the report can show: every row, the imported ones or the refused ones. */
	static final List<String> SHOWS = List.of("all", "imported", "refused");

	private String reasonLabel(String key, long count, Locale locale) {
		String label = this.pages.message("club-tools.import.reason." + key, locale);
		if (label.equals("club-tools.import.reason." + key)) {
			label = this.pages.message("club-tools.import.reason.unnamed", locale);
		}
		return this.pages.message("club-tools.import.reason.count", locale, label, count);
	}

	private static boolean shown(ImportReport.Row r, String show, String reason) {
		boolean refused = r.outcome() == ImportOutcome.REFUSED;
		return switch (show) {
			case "imported" -> r.outcome() == ImportOutcome.CREATED || r.outcome() == ImportOutcome.UPDATED;
			case "refused" -> refused && (reason.isEmpty() || reason.equals(r.messageKey()));
			default -> true;
		};
	}

	private ReportRow row(ImportReport.Row r, Locale locale) {
		return new ReportRow(r.line(), r.email(), r.name(), r.group(), (r.outcome() != null) ? r.outcome().name() : "",
				(r.messageKey() != null) ? this.pages.message(r.messageKey(), locale, r.args().toArray()) : "");
	}

	/**
	 * A reason rows were refused for, with how many.
	 */
	record Reason(String key, String label, long count) {

	}

	@GetMapping("/{importId}/progress")
	String progress(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long importId, Locale locale, Model model) {
		ImportReport report = this.imports.report(me.accountId().value(), productId, importId, false);
		if (report.done()) {
			report = this.imports.report(me.accountId().value(), productId, importId, true);
		}
		model.addAttribute("productId", productId);
		addReport(report, locale, model);
		return "club/student-import-report :: progress";
	}

	private void addReport(ImportReport report, Locale locale, Model model) {
		model.addAttribute("report", report);
		model.addAttribute("created", report.count(ImportOutcome.CREATED));
		model.addAttribute("updated", report.count(ImportOutcome.UPDATED));
		model.addAttribute("refused", report.count(ImportOutcome.REFUSED));
		model.addAttribute("rows", report.rows().stream().map((r) -> row(r, locale)).toList());
		model.addAttribute("show", "all");
		model.addAttribute("reason", "");
		model.addAttribute("reasons", List.of());
	}

	private String formPage(long producer, long productId, String problem, Model model) {
		List<ImportReport> latest = this.imports.latest(producer, productId);
		model.addAttribute("productId", productId);
		model.addAttribute("productName", this.pages.productName(productId));
		model.addAttribute("latest", latest);
		model.addAttribute("problem", problem);
		model.addAttribute("maxRows", StudentImports.MAX_ROWS);
		return "club/student-import";
	}

	/**
	 * One row of the report.
	 */
	record ReportRow(int line, String email, String name, String group, String outcome, String message) {

	}

}
