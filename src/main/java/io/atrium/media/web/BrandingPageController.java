package io.atrium.media.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.SignedInAccount;
import io.atrium.media.BrandChange;
import io.atrium.media.BrandRefused;
import io.atrium.media.BrandSettings;
import io.atrium.media.Brands;
import io.atrium.media.ImagePurpose;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The producer's branding page ({@code /business/branding}): brand name, colour, logo and
 * favicon, each removable, with a preview of the colours.
 */
@Controller
class BrandingPageController {

	private final Brands brands;

	private final MessageSource messages;

	BrandingPageController(Brands brands, MessageSource messages) {
		this.brands = brands;
		this.messages = messages;
	}

	@GetMapping("/business/branding")
	String page(@AuthenticationPrincipal SignedInAccount me, Model model) {
		BrandSettings settings = this.brands.settings(me.accountId().value()).orElse(null);
		String name = (settings != null) ? settings.name() : me.name();
		String color = (settings != null && settings.color() != null) ? settings.color() : "";
		return page(model, settings, name, color, Map.of());
	}

	@PostMapping("/business/branding")
	String save(@AuthenticationPrincipal SignedInAccount me, @RequestParam(required = false) String name,
			@RequestParam(required = false) String color,
			@RequestParam(name = "logo", required = false) MultipartFile logo,
			@RequestParam(name = "removeLogo", required = false) Boolean removeLogo,
			@RequestParam(name = "favicon", required = false) MultipartFile favicon,
			@RequestParam(name = "removeFavicon", required = false) Boolean removeFavicon, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		long producer = me.accountId().value();
		try {
			this.brands.save(producer, new BrandChange(name, color, bytes(logo), Boolean.TRUE.equals(removeLogo),
					bytes(favicon), Boolean.TRUE.equals(removeFavicon)));
			redirect.addFlashAttribute("saved", true);
			return "redirect:/business/branding";
		}
		catch (BrandRefused ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			Map<String, String> errors = new LinkedHashMap<>();
			ex.problems()
				.forEach((p) -> errors.putIfAbsent(p.field(),
						this.messages.getMessage(p.messageKey(), p.args().toArray(), locale)));
			return page(model, this.brands.settings(producer).orElse(null), name, color, errors);
		}
	}

	private String page(Model model, BrandSettings settings, String name, String color, Map<String, String> errors) {
		model.addAttribute("settings", settings);
		model.addAttribute("name", name);
		model.addAttribute("color", color);
		model.addAttribute("errors", errors);
		model.addAttribute("logoMb", ImagePurpose.LOGO.maxMegabytes());
		model.addAttribute("faviconMb", ImagePurpose.FAVICON.maxMegabytes());
		return "media/branding";
	}

	private static byte[] bytes(MultipartFile file) throws IOException {
		return (file != null && !file.isEmpty()) ? file.getBytes() : null;
	}

}
