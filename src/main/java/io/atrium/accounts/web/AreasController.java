package io.atrium.accounts.web;

import io.atrium.accounts.SignedInAccount;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The two sides of one account: "Manage my business" for producers and "My purchases" for
 * everyone. Later modules fill them with products, sales and purchases.
 */
@Controller
class AreasController {

	@GetMapping("/business")
	String business(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("me", me);
		return "accounts/business";
	}

	@GetMapping("/purchases")
	String purchases(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("me", me);
		return "accounts/purchases";
	}

}
