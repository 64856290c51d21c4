package io.atrium.dashboard.web;

import java.util.Locale;

import io.atrium.accounts.SignedInAccount;
import io.atrium.dashboard.Dashboard;
import io.atrium.dashboard.DashboardPeriod;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The producer's dashboard, {@code /business}: the first screen after signing in.
 * {@code ?period=today|7|30} picks the period (the last 7 days when absent or
 * unreadable).
 */
@Controller
class DashboardController {

	private final Dashboard dashboard;

	private final MessageSource messages;

	private final JsonMapper json;

	DashboardController(Dashboard dashboard, MessageSource messages, JsonMapper json) {
		this.dashboard = dashboard;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/business")
	String home(@AuthenticationPrincipal SignedInAccount me,
			@RequestParam(name = "period", required = false) String period, Locale locale, Model model) {
		DashboardPeriod chosen = DashboardPeriod.parse(period).orElse(DashboardPeriod.DAYS_7);
		Dashboard.Home home = this.dashboard.home(me.accountId().value(), chosen);
		model.addAttribute("me", me);
		model.addAttribute("view", DashboardView.of(home, locale, this.messages, this.json));
		return "dashboard/home";
	}

}
