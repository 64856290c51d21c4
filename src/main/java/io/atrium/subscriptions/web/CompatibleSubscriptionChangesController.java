package io.atrium.subscriptions.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.api.ApiClient;
import io.atrium.api.ApiException;
import io.atrium.api.CompatibleApiController;
import io.atrium.subscriptions.Requester;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionRefused;
import io.atrium.subscriptions.Subscriptions;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The compatible subscription changes (hotmart-api.md §3.5 to §3.9), made by the calling
 * producer through {@link Subscriptions}: cancel and offer a reactivation, one or a list,
 * and change the due day. Bodies are read leniently ({@link LenientBody}): JSON, or the
 * form a widely used client's v0.x sends with a JSON content type. A list is handled code
 * by code: each is changed or listed in {@code fail_subscriptions} with why, and a
 * failure changes nothing for its code.
 */
@CompatibleApiController
@Hidden
class CompatibleSubscriptionChangesController extends CompatibleSubscriptionsSupport {

	/** The most subscriber codes one list request may name. */
	static final int MAX_CODES = 500;

	private static final String PREFIX = "/payments/api/v1/subscriptions";

	private final Subscriptions subscriptions;

	private final SubscriptionFacts facts;

	private final JsonMapper json;

	CompatibleSubscriptionChangesController(Subscriptions subscriptions, SubscriptionFacts facts, JsonMapper json) {
		this.subscriptions = subscriptions;
		this.facts = facts;
		this.json = json;
	}

	@PostMapping(PREFIX + "/{subscriber_code}/cancel")
	ChangeItem cancel(@AuthenticationPrincipal ApiClient client, @PathVariable("subscriber_code") String code,
			@RequestBody(required = false) String body, HttpServletRequest request) {
		boolean sendMail = sendMail(body(body, request));
		Subscription s = this.subscriptions.cancel(Requester.producer(client.producerAccountId()), code, sendMail);
		return item(client, s);
	}

	@PostMapping(PREFIX + "/cancel")
	Results cancelList(@AuthenticationPrincipal ApiClient client, @RequestBody(required = false) String body,
			HttpServletRequest request) {
		LenientBody fields = body(body, request);
		boolean sendMail = sendMail(fields);
		return each(client, codes(fields), (requester, code) -> this.subscriptions.cancel(requester, code, sendMail));
	}

	@PostMapping(PREFIX + "/{subscriber_code}/reactivate")
	ChangeItem reactivate(@AuthenticationPrincipal ApiClient client, @PathVariable("subscriber_code") String code,
			@RequestBody(required = false) String body, HttpServletRequest request) {
		boolean charge = body(body, request).bool("charge", false);
		Subscription s = this.subscriptions.offerReactivation(Requester.producer(client.producerAccountId()), code,
				charge);
		return item(client, s);
	}

	@PostMapping(PREFIX + "/reactivate")
	Results reactivateList(@AuthenticationPrincipal ApiClient client, @RequestBody(required = false) String body,
			HttpServletRequest request) {
		LenientBody fields = body(body, request);
		boolean charge = fields.bool("charge", false);
		return each(client, codes(fields),
				(requester, code) -> this.subscriptions.offerReactivation(requester, code, charge));
	}

	@PatchMapping(PREFIX + "/{subscriber_code}")
	ResponseEntity<Void> changeDueDay(@AuthenticationPrincipal ApiClient client,
			@PathVariable("subscriber_code") String code, @RequestBody(required = false) String body,
			HttpServletRequest request) {
		LenientBody fields = body(body, request);
		int day = dueDay(fields, "due_day", "new_due_day");
		this.subscriptions.changeDueDay(Requester.producer(client.producerAccountId()), code, day);
		return ResponseEntity.ok().build();
	}

	/**
	 * The v0.x client's path: {@code subscriber_code} and {@code new_due_day} in a form.
	 */
	@PatchMapping(PREFIX + "/change-due-day")
	ResponseEntity<Void> changeDueDayAlias(@AuthenticationPrincipal ApiClient client,
			@RequestBody(required = false) String body, HttpServletRequest request) {
		LenientBody fields = body(body, request);
		List<String> codes = fields.strings("subscriber_code");
		if (codes.size() != 1) {
			throw ApiException.invalidParameter("The request was unacceptable: give one subscriber_code.");
		}
		int day = dueDay(fields, "new_due_day", "due_day");
		this.subscriptions.changeDueDay(Requester.producer(client.producerAccountId()), codes.get(0), day);
		return ResponseEntity.ok().build();
	}

	private LenientBody body(String body, HttpServletRequest request) {
		return LenientBody.read(body, request.getParameterMap(), this.json);
	}

	/** {@code send_mail}, or the v0.x client's {@code send_email}; default true. */
	private static boolean sendMail(LenientBody fields) {
		return fields.has("send_mail") ? fields.bool("send_mail", true) : fields.bool("send_email", true);
	}

	private static int dueDay(LenientBody fields, String name, String alias) {
		Long day = fields.has(name) ? fields.integer(name) : fields.integer(alias);
		if (day == null || day < 1 || day > 31) {
			throw ApiException.invalidParameter(
					"The request was unacceptable: " + name + " is required, a day of the month from 1 to 31.");
		}
		return day.intValue();
	}

	private static List<String> codes(LenientBody fields) {
		Set<String> codes = new LinkedHashSet<>();
		for (String code : fields.strings("subscriber_code")) {
			codes.add(code.toUpperCase(Locale.ROOT));
		}
		if (codes.isEmpty()) {
			throw ApiException.invalidParameter(
					"The request was unacceptable: subscriber_code is required, a list of subscriber codes.");
		}
		if (codes.size() > MAX_CODES) {
			throw ApiException.invalidParameter("The request was unacceptable: at most " + MAX_CODES
					+ " subscriber codes per request; got " + codes.size() + ".");
		}
		return List.copyOf(codes);
	}

	private Results each(ApiClient client, List<String> codes, BiFunction<Requester, String, Subscription> change) {
		Requester requester = Requester.producer(client.producerAccountId());
		List<Subscription> changed = new ArrayList<>();
		List<Failure> failed = new ArrayList<>();
		for (String code : codes) {
			try {
				changed.add(change.apply(requester, code));
			}
			catch (SubscriptionRefused ex) {
				failed.add(new Failure(code, ex, this.subscriptions.find(requester, code).orElse(null)));
			}
		}
		List<Subscription> all = new ArrayList<>(changed);
		failed.stream().map(Failure::subscription).filter((s) -> s != null).forEach(all::add);
		SubscriptionFacts.Lookup lookup = this.facts.forProducer(client.producerAccountId()).withFirstPurchases(all);
		ZoneId zone = lookup.zone();
		List<ChangeItem> success = changed.stream()
			.map((s) -> ChangeItem.of(s, lookup.firstPurchase(s), zone))
			.toList();
		List<ChangeItem> failures = failed.stream()
			.map((f) -> (f.subscription() == null || f.refusal().reason() == SubscriptionRefused.Reason.NOT_FOUND)
					? ChangeItem.unknown(f.code(), "SUBSCRIPTION_NOT_FOUND", f.refusal().getMessage())
					: ChangeItem.failure(f.subscription(), lookup.firstPurchase(f.subscription()), zone,
							f.refusal().reason().code(), f.refusal().getMessage()))
			.toList();
		return new Results(success, failures);
	}

	private ChangeItem item(ApiClient client, Subscription s) {
		SubscriptionFacts.Lookup lookup = this.facts.forProducer(client.producerAccountId())
			.withFirstPurchases(List.of(s));
		return ChangeItem.of(s, lookup.firstPurchase(s), lookup.zone());
	}

	private record Failure(String code, SubscriptionRefused refusal, Subscription subscription) {
	}

	/**
	 * A list answer: the subscriptions changed, and those that were not with
	 * {@code error} naming why ({@code SUBSCRIPTION_NOT_FOUND},
	 * {@code SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE},
	 * {@code SUBSCRIPTION_ALREADY_ACTIVE}).
	 */
	record Results(@JsonProperty("success_subscriptions") List<ChangeItem> successSubscriptions,
			@JsonProperty("fail_subscriptions") List<ChangeItem> failSubscriptions) {

	}

}
