package io.atrium.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The log-in page. The form posts to Spring Security's {@code /login}; failures come back
 * here with the reason ({@link LoginFailureHandler}).
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) Long wait, Model model) {
		if (error != null) {
			model.addAttribute("error", switch (error) {
				case "locked" -> "accounts.login.locked";
				case "address" -> "accounts.login.address";
				default -> "accounts.login.failed";
			});
			long seconds = (wait == null) ? 60 : Math.max(1, wait);
			model.addAttribute("waitMinutes", Math.max(1, (seconds + 59) / 60));
			model.addAttribute("waitSeconds", seconds);
			model.addAttribute("short", seconds < 60);
		}
		return "accounts/login";
	}

}
