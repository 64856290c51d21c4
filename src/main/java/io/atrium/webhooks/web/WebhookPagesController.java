package io.atrium.webhooks.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductFilter;
import io.atrium.catalog.Products;
import io.atrium.webhooks.CreatedEndpoint;
import io.atrium.webhooks.WebhookEndpoint;
import io.atrium.webhooks.WebhookEvent;
import io.atrium.webhooks.WebhookRefused;
import io.atrium.webhooks.Webhooks;
import io.atrium.webhooks.web.PageViews.EndpointView;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The producer's webhook settings ({@code /business/webhooks}): the hottok (regenerated
 * after confirming), the endpoints with their events, products and status, adding and
 * editing one, its signing secret shown once (on creation and rotation), enabling,
 * disabling, deleting after confirming, and test events. Only the signed-in producer's
 * endpoints; any other id is a 404. Refusals keep the form and answer 422.
 */
@Controller
class WebhookPagesController {

	static final String HOME = "/business/webhooks";

	private final Webhooks webhooks;

	private final Products products;

	private final ProducerTimeZones zones;

	private final Clock clock;

	WebhookPagesController(Webhooks webhooks, Products products, ProducerTimeZones zones, Clock clock) {
		this.webhooks = webhooks;
		this.products = products;
		this.zones = zones;
		this.clock = clock;
	}

	@GetMapping(HOME)
	String home(@AuthenticationPrincipal SignedInAccount me, Model model, Locale locale) {
		return home(producer(me), model, locale);
	}

	@GetMapping(HOME + "/hottok/regenerate")
	String confirmRegenerate() {
		return "webhooks/hottok-regenerate";
	}

	@PostMapping(HOME + "/hottok/regenerate")
	String regenerate(@AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect) {
		this.webhooks.regenerateHottok(producer(me));
		redirect.addFlashAttribute("notice", "webhooks.page.hottok.regenerated");
		return "redirect:" + HOME;
	}

	@GetMapping(HOME + "/new")
	String newEndpoint(@AuthenticationPrincipal SignedInAccount me, Model model) {
		return form(producer(me), EndpointForm.blank(), null, null, model);
	}

	@PostMapping(HOME + "/new")
	String create(@AuthenticationPrincipal SignedInAccount me, @ModelAttribute EndpointForm form, Model model,
			Locale locale, HttpServletResponse response) {
		long producer = producer(me);
		CreatedEndpoint created;
		try {
			created = this.webhooks.create(producer, form.settings());
		}
		catch (WebhookRefused ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(producer, form.orEmpty(), null, PageProblem.of(ex), model);
		}
		return secret(producer, created, false, model, locale, response);
	}

	@GetMapping(HOME + "/{id}/edit")
	String edit(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, Model model) {
		long producer = producer(me);
		return form(producer, EndpointForm.of(this.webhooks.endpoint(producer, id)), id, null, model);
	}

	@PostMapping(HOME + "/{id}/edit")
	String update(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, @ModelAttribute EndpointForm form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		long producer = producer(me);
		WebhookEndpoint saved;
		try {
			saved = this.webhooks.update(producer, id, form.settings());
		}
		catch (WebhookRefused ex) {
			if (ex.reason() == WebhookRefused.Reason.NOT_FOUND) {
				throw ex;
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(producer, form.orEmpty(), id, PageProblem.of(ex), model);
		}
		return notice(redirect, "webhooks.page.saved", saved.url());
	}

	@PostMapping(HOME + "/{id}/disable")
	String disable(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, RedirectAttributes redirect) {
		return notice(redirect, "webhooks.page.disabled-now", this.webhooks.disable(producer(me), id).url());
	}

	@PostMapping(HOME + "/{id}/enable")
	String enable(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		long producer = producer(me);
		try {
			return notice(redirect, "webhooks.page.enabled-now", this.webhooks.enable(producer, id).url());
		}
		catch (WebhookRefused ex) {
			if (ex.reason() == WebhookRefused.Reason.NOT_FOUND) {
				throw ex;
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", PageProblem.of(ex));
			return home(producer, model, locale);
		}
	}

	@GetMapping(HOME + "/{id}/rotate")
	String confirmRotate(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, Model model) {
		model.addAttribute("endpoint", this.webhooks.endpoint(producer(me), id));
		return "webhooks/rotate";
	}

	@PostMapping(HOME + "/{id}/rotate")
	String rotate(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, Model model, Locale locale,
			HttpServletResponse response) {
		long producer = producer(me);
		return secret(producer, this.webhooks.rotateSecret(producer, id), true, model, locale, response);
	}

	@GetMapping(HOME + "/{id}/delete")
	String confirmDelete(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, Model model) {
		model.addAttribute("endpoint", this.webhooks.endpoint(producer(me), id));
		return "webhooks/delete";
	}

	@PostMapping(HOME + "/{id}/delete")
	String delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, RedirectAttributes redirect) {
		long producer = producer(me);
		String url = this.webhooks.endpoint(producer, id).url();
		this.webhooks.delete(producer, id);
		return notice(redirect, "webhooks.page.deleted", url);
	}

	@PostMapping(HOME + "/{id}/test")
	String test(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id,
			@RequestParam(defaultValue = "") String event, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		long producer = producer(me);
		WebhookEndpoint endpoint = this.webhooks.endpoint(producer, id);
		WebhookEvent chosen = Arrays.stream(WebhookEvent.values())
			.filter((e) -> e.name().equals(event.strip()))
			.findFirst()
			.orElse(null);
		if (chosen == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", PageProblem.of("webhooks.page.refused.unknown-event"));
			return home(producer, model, locale);
		}
		this.webhooks.sendTest(producer, id, chosen);
		redirect.addFlashAttribute("notice", "webhooks.page.test.sent");
		redirect.addFlashAttribute("noticeArgs", List.of(chosen.name(), endpoint.url()));
		redirect.addAttribute("endpoint", id);
		return "redirect:" + WebhookLogPagesController.LOG;
	}

	@ExceptionHandler(WebhookRefused.class)
	void refused(WebhookRefused ex, HttpServletResponse response) throws IOException {
		// what a form can show is handled where it happens; the rest is an unknown id
		response.sendError((ex.reason() == WebhookRefused.Reason.NOT_FOUND) ? HttpStatus.NOT_FOUND.value()
				: HttpStatus.BAD_REQUEST.value());
	}

	private String home(long producer, Model model, Locale locale) {
		ZoneId zone = this.zones.of(producer);
		Map<Long, String> names = productNames(producer);
		Instant now = this.clock.instant();
		model.addAttribute("hottok", this.webhooks.hottok(producer));
		model.addAttribute("endpoints",
				this.webhooks.endpoints(producer)
					.stream()
					.map((e) -> EndpointView.of(e, names, zone, locale, now))
					.toList());
		return "webhooks/endpoints";
	}

	private String form(long producer, EndpointForm form, Long id, PageProblem problem, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("endpointId", id);
		model.addAttribute("problem", problem);
		model.addAttribute("groups", EventGroups.ALL);
		model.addAttribute("products", productNames(producer));
		return "webhooks/endpoint-form";
	}

	private String secret(long producer, CreatedEndpoint created, boolean rotated, Model model, Locale locale,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		ZoneId zone = this.zones.of(producer);
		model.addAttribute("endpoint", created.endpoint());
		model.addAttribute("secret", created.secret());
		model.addAttribute("rotated", rotated);
		model.addAttribute("previousUntil", PageViews.show(created.endpoint().previousSecretExpiresAt(), zone, locale));
		model.addAttribute("hottok", this.webhooks.hottok(producer));
		return "webhooks/secret";
	}

	private Map<Long, String> productNames(long producer) {
		Map<Long, String> names = new LinkedHashMap<>();
		for (Product p : this.products.list(producer, new ProductFilter(null, null, null), null, 0,
				EndpointForm.MAX_PRODUCTS)) {
			names.put(p.id(), p.details().name());
		}
		return names;
	}

	private static String notice(RedirectAttributes redirect, String key, String url) {
		redirect.addFlashAttribute("notice", key);
		redirect.addFlashAttribute("noticeArgs", List.of(url));
		return "redirect:" + HOME;
	}

	private static long producer(SignedInAccount me) {
		return me.accountId().value();
	}

}
