package io.atrium.helpdesk.web;

import io.atrium.accounts.SignedInAccount;
import io.atrium.helpdesk.internal.HelpDesk;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The support form for anyone signed in ({@code /help}) and the admins' inbox
 * ({@code /admin/help}).
 */
@Controller
class HelpDeskController {

	private final HelpDesk helpDesk;

	HelpDeskController(HelpDesk helpDesk) {
		this.helpDesk = helpDesk;
	}

	@GetMapping("/help")
	String form() {
		return "helpdesk/form";
	}

	@PostMapping("/help")
	String send(@AuthenticationPrincipal SignedInAccount me, @RequestParam(defaultValue = "") String subject,
			@RequestParam(defaultValue = "") String message, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		String problem = null;
		if (subject.isBlank() || subject.strip().length() > HelpDesk.MAX_SUBJECT) {
			problem = "helpdesk.subject.invalid";
		}
		else if (message.isBlank() || message.strip().length() > HelpDesk.MAX_MESSAGE) {
			problem = "helpdesk.message.invalid";
		}
		if (problem != null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", problem);
			model.addAttribute("subject", subject);
			model.addAttribute("message", message);
			return "helpdesk/form";
		}
		this.helpDesk.send(me, subject, message);
		redirect.addFlashAttribute("sent", true);
		return "redirect:/help";
	}

	@GetMapping("/admin/help")
	String inbox(Model model) {
		model.addAttribute("requests", this.helpDesk.inbox(200));
		return "helpdesk/inbox";
	}

	@GetMapping("/admin/help/{id}")
	String request(@PathVariable long id, Model model) {
		model.addAttribute("request",
				this.helpDesk.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "helpdesk/request";
	}

	@PostMapping("/admin/help/{id}/handled")
	String handled(@PathVariable long id) {
		this.helpDesk.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.helpDesk.markHandled(id);
		return "redirect:/admin/help/" + id;
	}

}
