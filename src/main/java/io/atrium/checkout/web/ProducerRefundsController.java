package io.atrium.checkout.web;

import java.util.List;
import java.util.Locale;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.accounts.SignedInAccount;
import io.atrium.checkout.MoneyText;
import io.atrium.checkout.RefundRefused;
import io.atrium.checkout.Refunds;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The producer's refunds: pending refund requests, and refunding any of their APPROVED
 * purchases inside its window by transaction code. Another producer's purchase answers
 * 404.
 */
@Controller
class ProducerRefundsController {

	private final Refunds refunds;

	private final ProducerTimeZones zones;

	ProducerRefundsController(ProducerTimeZones zones, Refunds refunds) {
		this.zones = zones;
		this.refunds = refunds;
	}

	@GetMapping("/business/refunds")
	String page(@AuthenticationPrincipal SignedInAccount me, Model model, Locale locale) {
		java.time.ZoneId zone = this.zones.of(me.accountId().value());
		List<Request> requests = this.refunds.pendingRequests(me.accountId().value())
			.stream()
			.map((p) -> new Request(p.transaction(), p.terms().productName(), p.terms().buyer().name(),
					p.terms().buyer().email(), MoneyText.format(p.terms().price(), locale),
					CheckoutController.date(p.refundRequestedAt(), zone, locale),
					CheckoutController.date(p.refundRequestedAt().plus(Refunds.AUTO_REFUND_AFTER), zone, locale)))
			.toList();
		model.addAttribute("requests", requests);
		return "checkout/refunds";
	}

	@PostMapping("/business/refunds")
	String refund(@AuthenticationPrincipal SignedInAccount me, @RequestParam String transaction, Locale locale,
			RedirectAttributes redirect, Model model, jakarta.servlet.http.HttpServletResponse response) {
		String code = transaction.strip();
		try {
			this.refunds.refund(me.accountId().value(), code);
			redirect.addFlashAttribute("notice", "checkout.refund.done");
		}
		catch (RefundRefused ex) {
			if (ex.reason() == RefundRefused.Reason.NOT_FOUND) {
				response.setStatus(404);
				model.addAttribute("requests", List.of());
				model.addAttribute("problem", RefundMessages.key(ex));
				model.addAttribute("transaction", code);
				return page(me, model, locale);
			}
			redirect.addFlashAttribute("problem", RefundMessages.key(ex));
			redirect.addFlashAttribute("problemDate",
					CheckoutController.date(ex.windowEnd(), this.zones.of(me.accountId().value()), locale));
		}
		redirect.addFlashAttribute("transaction", code);
		return "redirect:/business/refunds";
	}

	record Request(String transaction, String product, String buyerName, String buyerEmail, String price,
			String requestedAt, String autoRefundAt) {
	}

}
