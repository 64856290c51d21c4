package io.atrium.accounts.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * The answer of a form that sends e-mail when the address or the client has asked too
 * often: 429 with {@code Retry-After} and a page saying when to try again.
 */
final class TooManyRequests {

	private TooManyRequests() {
	}

	static String page(Duration wait, Model model, HttpServletResponse response) {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		model.addAttribute("minutes", Math.max(1, (seconds + 59) / 60));
		return "accounts/too-many";
	}

}
