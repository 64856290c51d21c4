package io.atrium.accounts.web;

import io.atrium.accounts.SignedInAccount;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Manage my business" for producers; later modules fill it with products and sales. "My
 * purchases" is served by the checkout module.
 */
@Controller
class AreasController {

	@GetMapping("/business")
	String business(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("me", me);
		return "accounts/business";
	}

}
