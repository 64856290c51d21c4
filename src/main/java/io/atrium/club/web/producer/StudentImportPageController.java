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
			Locale locale, Model model) {
		ImportReport report = this.imports.report(me.accountId().value(), productId, importId, true);
		model.addAttribute("productId", productId);
		model.addAttribute("productName", this.pages.productName(productId));
		addReport(report, locale, model);
		return "club/student-import-report";
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
		model.addAttribute("rows", report.rows()
			.stream()
			.map((r) -> new ReportRow(r.line(), r.email(), r.name(), r.group(),
					(r.outcome() != null) ? r.outcome().name() : "",
					(r.messageKey() != null) ? this.pages.message(r.messageKey(), locale, r.args().toArray()) : ""))
			.toList());
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
