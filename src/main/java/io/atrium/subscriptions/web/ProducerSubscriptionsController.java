package io.atrium.subscriptions.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.ProductSummary;
import io.atrium.checkout.MoneyText;
import io.atrium.subscriptions.Requester;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionStatus;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The producer's subscriptions ({@code /business/subscriptions}): the filtered list, a
 * page at a time, and each subscription with its charges and changes
 * ({@code /business/subscriptions/{code}}). Only the signed-in producer's own; another's
 * code answers 404.
 */
@Controller
class ProducerSubscriptionsController {

	private final SubscriptionList list;

	private final SubscriptionPages pages;

	private final Catalog catalog;

	private final ProducerTimeZones zones;

	ProducerSubscriptionsController(SubscriptionList list, SubscriptionPages pages, Catalog catalog,
			ProducerTimeZones zones) {
		this.list = list;
		this.pages = pages;
		this.catalog = catalog;
		this.zones = zones;
	}

	@GetMapping("/business/subscriptions")
	String list(@AuthenticationPrincipal SignedInAccount me, @ModelAttribute("form") SubscriptionListForm form,
			Locale locale, Model model) {
		long producer = me.accountId().value();
		ZoneId zone = this.zones.of(producer);
		SubscriptionList.Page page = this.list.find(form.toFilter(producer, zone), form.pageToken(), form.pageSize());
		List<ProductSummary> products = this.catalog.productsOf(producer);
		model.addAttribute("zone", zone.getId());
		model.addAttribute("products", products.stream().map((p) -> new Option(p.id(), p.name())).toList());
		model.addAttribute("plans",
				products.stream()
					.flatMap((p) -> this.catalog.offersOf(p.id()).stream())
					.filter((o) -> o.plan() != null)
					.map((o) -> new Option(o.offerId(), o.product().name() + " — " + o.name()))
					.toList());
		model.addAttribute("productId", form.productId());
		model.addAttribute("planId", form.planId());
		model.addAttribute("statuses", List.of(SubscriptionStatus.values()));
		model.addAttribute("chosen", form.statuses());
		model.addAttribute("trial", (form.trialValue() != null) ? form.trialValue().toString() : "");
		model.addAttribute("days",
				Map.of("accession_date", SubscriptionListForm.day(form.accessionDate()), "end_accession_date",
						SubscriptionListForm.day(form.endAccessionDate()), "date_next_charge",
						SubscriptionListForm.day(form.dateNextCharge()), "end_date_next_charge",
						SubscriptionListForm.day(form.endDateNextCharge()), "cancelation_date",
						SubscriptionListForm.day(form.cancelationDate()), "end_cancelation_date",
						SubscriptionListForm.day(form.endCancelationDate())));
		model.addAttribute("q", (form.text() != null) ? form.text() : "");
		model.addAttribute("rows", page.items().stream().map((s) -> Row.of(s, locale)).toList());
		model.addAttribute("total", page.total());
		model.addAttribute("nextUrl", pageUrl(form, page.nextToken()));
		model.addAttribute("previousUrl", pageUrl(form, page.previousToken()));
		return "subscriptions/list";
	}

	@GetMapping("/business/subscriptions/{code}")
	String detail(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code, Locale locale, Model model,
			HttpServletResponse response) {
		Requester producer = Requester.producer(me.accountId().value());
		Subscription s = this.pages.find(producer, code);
		if (s == null) {
			return this.pages.notFound(response);
		}
		return ProducerSubscriptionActionsController.detailPage(this.pages, producer, s, model, locale);
	}

	private static String pageUrl(SubscriptionListForm form, String token) {
		if (token == null) {
			return null;
		}
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/business/subscriptions");
		form.parameters().forEach((name, value) -> {
			if (value instanceof List<?> values) {
				values.forEach((v) -> url.queryParam(name, v));
			}
			else {
				url.queryParam(name, value);
			}
		});
		return url.queryParam("page_token", token).encode().build().toUriString();
	}

	/**
	 * A product or plan to filter by.
	 */
	record Option(long id, String name) {

	}

	/**
	 * One row of the list.
	 */
	record Row(String code, String name, String email, String product, String plan, String price, String status,
			boolean trial, String started, String nextKey, String next) {

		static Row of(Subscription s, Locale locale) {
			boolean ended = s.status().cancelled() || s.status() == SubscriptionStatus.INACTIVE;
			return new Row(s.code(), s.subscriber().name(), s.subscriber().email(), s.productName(), s.plan().name(),
					MoneyText.format(s.plan().price(), locale), s.status().name(), s.inTrial(),
					SubscriptionTexts.day(s, s.startedAt(), locale),
					ended ? "subscriptions.field.last-access" : "subscriptions.field.next-charge",
					SubscriptionTexts.day(s, s.dateNextCharge(), locale));
		}

	}

}
