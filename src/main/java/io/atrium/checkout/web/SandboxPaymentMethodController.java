package io.atrium.checkout.web;

import java.util.ArrayList;
import java.util.List;

import io.atrium.checkout.DeclineReason;
import io.atrium.checkout.internal.SandboxGateway;
import io.atrium.checkout.internal.SandboxPaymentMethod;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sandbox's test dashboard for a stored card,
 * {@code /sandbox/payment-methods/{token}}: choose whether its later charges are approved
 * or declined, and why. Only with the sandbox gateway; the unguessable token is the key,
 * as for a processor's test-mode link.
 */
@Controller
class SandboxPaymentMethodController {

	static final String APPROVE = "APPROVE";

	private final ObjectProvider<SandboxGateway> sandbox;

	SandboxPaymentMethodController(ObjectProvider<SandboxGateway> sandbox) {
		this.sandbox = sandbox;
	}

	@GetMapping("/sandbox/payment-methods/{token}")
	String page(@PathVariable String token, Model model, HttpServletResponse response) {
		SandboxGateway gateway = this.sandbox.getIfAvailable();
		SandboxPaymentMethod method = (gateway != null) ? gateway.paymentMethod(token).orElse(null) : null;
		if (method == null) {
			response.setStatus(404);
			return "checkout/unknown-offer";
		}
		model.addAttribute("method", method);
		model.addAttribute("expiry", String.format("%02d/%d", method.expMonth(), method.expYear()));
		model.addAttribute("behaviours", behaviours());
		if (!model.containsAttribute("chosen")) {
			model.addAttribute("chosen", (method.declinesWith() != null) ? method.declinesWith().name() : APPROVE);
		}
		return "checkout/sandbox-payment-method";
	}

	@PostMapping("/sandbox/payment-methods/{token}")
	String change(@PathVariable String token, @RequestParam(required = false) String behaviour, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		SandboxGateway gateway = this.sandbox.getIfAvailable();
		if (gateway == null || gateway.paymentMethod(token).isEmpty()) {
			response.setStatus(404);
			return "checkout/unknown-offer";
		}
		if (behaviour == null || !behaviours().contains(behaviour)) {
			response.setStatus(400);
			model.addAttribute("problem", "checkout.sandbox.method.invalid");
			model.addAttribute("chosen", "");
			return page(token, model, response);
		}
		gateway.setBehaviour(token, APPROVE.equals(behaviour) ? null : DeclineReason.valueOf(behaviour));
		redirect.addFlashAttribute("notice", "checkout.sandbox.method.saved");
		return "redirect:/sandbox/payment-methods/" + token;
	}

	private static List<String> behaviours() {
		List<String> all = new ArrayList<>();
		all.add(APPROVE);
		for (DeclineReason reason : DeclineReason.values()) {
			all.add(reason.name());
		}
		return all;
	}

}
