package io.atrium.notifications.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import io.atrium.notifications.internal.Mailbox;
import io.atrium.notifications.internal.OutboxMessage;
import io.atrium.shared.EmailAddress;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform admin's mailbox: every e-mail Atrium queued, newest first. Without an SMTP
 * server this is where mail is delivered, so a newcomer can follow activation links.
 * {@code /admin/**} needs ROLE_ADMIN (page security chain).
 */
@Controller
@RequestMapping("/admin/mailbox")
class MailboxController {

	static final int PAGE_SIZE = 50;

	/**
	 * The stored HTML is shown as its own document that can run no script, load nothing
	 * but inline styles and images, and is sandboxed into a unique origin.
	 */
	static final String HTML_VIEW_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data: https:";

	private static final String NOTICE = "noticeKey";

	private final Mailbox mailbox;

	MailboxController(Mailbox mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping
	String list(@RequestParam(name = "recipient", required = false) String recipient,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		fillList(model.asMap(), recipient, page);
		return "notifications/mailbox/list";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		OutboxMessage message = this.mailbox.find(id).orElseThrow(MailboxController::notFound);
		model.addAttribute("message", MailView.of(message));
		model.addAttribute("textHtml", (message.textBody() != null) ? Linkified.html(message.textBody()) : null);
		return "notifications/mailbox/detail";
	}

	@GetMapping("/{id}/html")
	ResponseEntity<String> html(@PathVariable long id) {
		OutboxMessage message = this.mailbox.find(id).orElseThrow(MailboxController::notFound);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", HTML_VIEW_POLICY)
			.body(message.htmlBody());
	}

	@PostMapping("/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		boolean queued = this.mailbox.retry(id);
		redirect.addFlashAttribute(NOTICE, queued ? "mailbox.retry.done" : "mailbox.retry.not-failed");
		return "redirect:/admin/mailbox/" + id;
	}

	@PostMapping("/test")
	ModelAndView sendTest(@RequestParam(name = "recipient", required = false) String recipient, Locale locale,
			RedirectAttributes redirect) {
		if (!EmailAddress.isValidInput(recipient)) {
			ModelAndView invalid = new ModelAndView("notifications/mailbox/list");
			fillList(invalid.getModelMap(), null, 0);
			invalid.addObject("testRecipient", recipient);
			invalid.addObject("testInvalid", true);
			invalid.setStatus(HttpStatus.BAD_REQUEST);
			return invalid;
		}
		this.mailbox.sendTestMail(recipient, locale);
		redirect.addFlashAttribute(NOTICE, "mailbox.test.queued");
		redirect.addFlashAttribute("noticeArgument", EmailAddress.of(recipient).value());
		return new ModelAndView("redirect:/admin/mailbox");
	}

	private void fillList(Map<String, Object> model, String recipient, int page) {
		Mailbox.Page found = this.mailbox.page(recipient, page, PAGE_SIZE);
		model.put("recipient", (recipient != null) ? recipient.trim() : "");
		model.put("page", found);
		model.put("messages", found.messages().stream().map(MailView::of).toList());
		model.put("smtpConfigured", this.mailbox.smtpConfigured());
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
