package io.atrium.api.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.accounts.SignedInAccount;
import io.atrium.api.ApiCredentials;
import io.atrium.api.CreatedCredential;
import io.atrium.api.Credential;
import io.atrium.api.PageQuery;
import io.atrium.platform.Dates;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The producer's "Credentials" page ({@code /business/credentials}): create a named
 * credential and see its client id, secret and basic token once; list credentials with
 * their last use; revoke one after confirming.
 */
@Controller
@RequestMapping("/business/credentials")
class CredentialsPageController {

	private final ApiCredentials credentials;

	private final ProducerTimeZones zones;

	CredentialsPageController(ApiCredentials credentials, ProducerTimeZones zones) {
		this.zones = zones;
		this.credentials = credentials;
	}

	/**
	 * The create form.
	 *
	 * @param name the credential's name
	 */
	record CredentialForm(String name) {

	}

	/**
	 * One line of the list, dates already formatted for the reader's language.
	 */
	record Line(long id, String name, String clientId, String createdAt, String lastUsedAt, boolean active,
			String revokedAt) {

		static Line of(Credential c, ZoneId zone, Locale locale) {
			return new Line(c.id(), c.name(), c.clientId(), format(c.createdAt(), zone, locale),
					format(c.lastUsedAt(), zone, locale), c.active(), format(c.revokedAt(), zone, locale));
		}

	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInAccount me, Model model, Locale locale) {
		model.addAttribute("form", new CredentialForm(""));
		return listPage(me, model, locale);
	}

	@PostMapping
	String create(@AuthenticationPrincipal SignedInAccount me, @ModelAttribute("form") CredentialForm form,
			BindingResult result, Model model, Locale locale, HttpServletResponse response) {
		String name = (form.name() != null) ? form.name().strip() : "";
		if (name.isEmpty()) {
			result.rejectValue("name", "api.credentials.name.required");
		}
		else if (name.length() > ApiCredentials.MAX_NAME_LENGTH) {
			result.rejectValue("name", "api.credentials.name.too-long", new Object[] { ApiCredentials.MAX_NAME_LENGTH },
					null);
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return listPage(me, model, locale);
		}
		CreatedCredential created = this.credentials.create(me.accountId().value(), name);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("created", created);
		model.addAttribute("curl",
				"curl -X POST -H 'Authorization: Basic " + created.basicToken() + "' '"
						+ ServletUriComponentsBuilder.fromCurrentContextPath().path(TokenController.PATH).toUriString()
						+ "?grant_type=client_credentials'");
		return "api/credential-created";
	}

	@GetMapping("/{id}/revoke")
	String confirmRevoke(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, Model model,
			Locale locale) {
		model.addAttribute("credential", Line.of(own(me, id), this.zones.of(me.accountId().value()), locale));
		return "api/credential-revoke";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, RedirectAttributes redirect) {
		Credential credential = own(me, id);
		this.credentials.revoke(me.accountId().value(), id);
		redirect.addFlashAttribute("revokedName", credential.name());
		return "redirect:/business/credentials";
	}

	private Credential own(SignedInAccount me, long id) {
		return this.credentials.find(me.accountId().value(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String listPage(SignedInAccount me, Model model, Locale locale) {
		List<Line> lines = this.credentials.list(me.accountId().value(), PageQuery.of(PageQuery.MAX_LIMIT, null))
			.items()
			.stream()
			.map((c) -> Line.of(c, this.zones.of(me.accountId().value()), locale))
			.toList();
		model.addAttribute("credentials", lines);
		model.addAttribute("maxNameLength", ApiCredentials.MAX_NAME_LENGTH);
		return "api/credentials";
	}

	private static String format(Instant instant, ZoneId zone, Locale locale) {
		return (instant != null) ? Dates.show(instant, zone, locale) : null;
	}

}
