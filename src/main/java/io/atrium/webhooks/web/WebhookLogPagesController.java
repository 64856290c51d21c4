package io.atrium.webhooks.web;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import java.time.Clock;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.accounts.SignedInAccount;
import io.atrium.api.PageQuery;
import io.atrium.webhooks.DeliveryStatus;
import io.atrium.webhooks.EndpointStatus;
import io.atrium.webhooks.WebhookDelivery;
import io.atrium.webhooks.WebhookEndpoint;
import io.atrium.webhooks.WebhookEvent;
import io.atrium.webhooks.WebhookRefused;
import io.atrium.webhooks.Webhooks;
import io.atrium.webhooks.web.PageViews.AttemptView;
import io.atrium.webhooks.web.PageViews.DeliveryView;
import jakarta.servlet.http.HttpServletResponse;

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
 * The producer's webhook delivery log ({@code /business/webhooks/deliveries}): the last
 * 60 days, newest first, filtered by endpoint, event, status and transaction; one
 * delivery with its body and attempts; resending one or many; replaying every failed
 * delivery since a moment after an outage. Only the signed-in producer's deliveries.
 */
@Controller
class WebhookLogPagesController {

	static final String LOG = WebhookPagesController.HOME + "/deliveries";

	static final int PAGE_SIZE = 50;

	private final Webhooks webhooks;

	private final ProducerTimeZones zones;

	private final Clock clock;

	WebhookLogPagesController(Webhooks webhooks, ProducerTimeZones zones, Clock clock) {
		this.webhooks = webhooks;
		this.zones = zones;
		this.clock = clock;
	}

	@GetMapping(LOG)
	String log(@AuthenticationPrincipal SignedInAccount me, @ModelAttribute("filters") LogFilters filters, Model model,
			Locale locale) {
		return log(producer(me), filters, ReplayForm.EMPTY, null, model, locale);
	}

	@GetMapping(LOG + "/{id}")
	String delivery(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, Model model, Locale locale) {
		long producer = producer(me);
		ZoneId zone = this.zones.of(producer);
		WebhookDelivery delivery = this.webhooks.delivery(producer, id);
		model.addAttribute("delivery", DeliveryView.of(delivery, endpointUrls(producer), zone, locale));
		model.addAttribute("attempts",
				this.webhooks.attempts(producer, id).stream().map((a) -> AttemptView.of(a, zone, locale)).toList());
		return "webhooks/delivery";
	}

	@PostMapping(LOG + "/{id}/resend")
	String resendOne(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, RedirectAttributes redirect) {
		long producer = producer(me);
		WebhookDelivery delivery = this.webhooks.delivery(producer, id);
		int scheduled = endpointUrls(producer).containsKey(delivery.endpointId())
				? this.webhooks.resend(producer, List.of(id)) : 0;
		redirect.addFlashAttribute("notice", "webhooks.page.log.resent");
		redirect.addFlashAttribute("noticeArgs", List.of(scheduled));
		return "redirect:" + LOG + "/" + id;
	}

	@PostMapping(LOG + "/resend")
	String resend(@AuthenticationPrincipal SignedInAccount me, @ModelAttribute("filters") LogFilters filters,
			@RequestParam(name = "ids", required = false) List<String> ids, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		long producer = producer(me);
		Set<Long> chosen = new LinkedHashSet<>();
		for (String id : (ids != null) ? ids : List.<String>of()) {
			try {
				chosen.add(Long.parseLong(id.strip()));
			}
			catch (NumberFormatException ex) {
				// not a delivery of anyone: nothing to resend
			}
		}
		if (chosen.isEmpty() || chosen.size() > PageQuery.MAX_LIMIT) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return log(producer, filters, ReplayForm.EMPTY, PageProblem.of("webhooks.page.log.resend.none"), model,
					locale);
		}
		Set<Long> endpoints = endpointUrls(producer).keySet();
		// a deleted endpoint's delivery would wait for it for ever
		List<Long> resendable = chosen.stream()
			.filter((id) -> deliveryOf(producer, id).filter((d) -> endpoints.contains(d.endpointId())).isPresent())
			.toList();
		int scheduled = this.webhooks.resend(producer, resendable);
		redirect.addFlashAttribute("notice", "webhooks.page.log.resent");
		redirect.addFlashAttribute("noticeArgs", List.of(scheduled));
		return "redirect:" + filters.link(null);
	}

	@PostMapping(LOG + "/replay")
	String replay(@AuthenticationPrincipal SignedInAccount me, @ModelAttribute ReplayForm replay, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		long producer = producer(me);
		ZoneId zone = this.zones.of(producer);
		Instant since;
		List<WebhookEndpoint> chosen;
		try {
			since = replay.moment(zone);
			if (since.isAfter(this.clock.instant())) {
				throw new IllegalArgumentException("webhooks.page.replay.future");
			}
			chosen = endpoints(producer, replay.endpointId());
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return log(producer, LogFilters.NONE, replay.orEmpty(), PageProblem.of(ex.getMessage()), model, locale);
		}
		int scheduled = 0;
		List<String> skipped = new ArrayList<>();
		for (WebhookEndpoint endpoint : chosen) {
			if (endpoint.status() == EndpointStatus.ACTIVE) {
				scheduled += this.webhooks.replay(producer, endpoint.id(), since);
			}
			else {
				skipped.add(endpoint.url());
			}
		}
		redirect.addFlashAttribute("notice", "webhooks.page.replay.done");
		redirect.addFlashAttribute("noticeArgs", List.of(scheduled, PageViews.show(since, zone, locale)));
		if (!skipped.isEmpty()) {
			redirect.addFlashAttribute("skipped", String.join(", ", skipped));
		}
		return "redirect:" + LOG;
	}

	@ExceptionHandler(WebhookRefused.class)
	void refused(WebhookRefused ex, HttpServletResponse response) throws IOException {
		response.sendError((ex.reason() == WebhookRefused.Reason.NOT_FOUND) ? HttpStatus.NOT_FOUND.value()
				: HttpStatus.BAD_REQUEST.value());
	}

	/**
	 * @return the endpoints a replay goes to: the one chosen, or every one
	 * @throws IllegalArgumentException when the one chosen is not the producer's, or is
	 * disabled
	 */
	private List<WebhookEndpoint> endpoints(long producer, Long id) {
		if (id == null) {
			return this.webhooks.endpoints(producer);
		}
		WebhookEndpoint endpoint = this.webhooks.endpoints(producer)
			.stream()
			.filter((e) -> e.id() == id)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("webhooks.page.replay.unknown-endpoint"));
		if (endpoint.status() != EndpointStatus.ACTIVE) {
			throw new IllegalArgumentException("webhooks.page.replay.disabled");
		}
		return List.of(endpoint);
	}

	private String log(long producer, LogFilters filters, ReplayForm replay, PageProblem problem, Model model,
			Locale locale) {
		ZoneId zone = this.zones.of(producer);
		Map<Long, String> urls = endpointUrls(producer);
		List<WebhookDelivery> found = this.webhooks.deliveries(producer, filters.filter(), filters.beforeId(),
				PAGE_SIZE + 1);
		List<DeliveryView> rows = found.stream()
			.limit(PAGE_SIZE)
			.map((d) -> DeliveryView.of(d, urls, zone, locale))
			.toList();
		model.addAttribute("filters", filters);
		model.addAttribute("rows", rows);
		model.addAttribute("endpoints", urls);
		model.addAttribute("events", WebhookEvent.values());
		model.addAttribute("statuses", DeliveryStatus.values());
		model.addAttribute("older", (found.size() > PAGE_SIZE) ? filters.link(rows.get(rows.size() - 1).id()) : null);
		model.addAttribute("newest", (filters.beforeId() != null) ? filters.link(null) : null);
		model.addAttribute("replay", replay);
		model.addAttribute("zone", zone.getId());
		model.addAttribute("problem", problem);
		return "webhooks/deliveries";
	}

	private Map<Long, String> endpointUrls(long producer) {
		Map<Long, String> urls = new LinkedHashMap<>();
		this.webhooks.endpoints(producer).forEach((e) -> urls.put(e.id(), e.url()));
		return urls;
	}

	private Optional<WebhookDelivery> deliveryOf(long producer, long id) {
		try {
			return Optional.of(this.webhooks.delivery(producer, id));
		}
		catch (WebhookRefused ex) {
			return Optional.empty();
		}
	}

	private static long producer(SignedInAccount me) {
		return me.accountId().value();
	}

}
