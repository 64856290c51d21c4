package io.atrium.webhooks.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import io.atrium.webhooks.DeliveryFilter;
import io.atrium.webhooks.DeliveryStatus;
import io.atrium.webhooks.EndpointSettings;
import io.atrium.webhooks.WebhookEvent;
import io.atrium.webhooks.WebhookRefused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the webhook pages read what a producer typed: the endpoint form, the log's filters
 * (lenient), the replay moment in the producer's zone, and how a refusal is shown.
 */
class WebhookPageFormsTests {

	@Test
	void theFormOffersEveryEventExactlyOnce() {
		List<WebhookEvent> offered = EventGroups.ALL.stream().flatMap((g) -> g.events().stream()).toList();
		assertThat(offered).doesNotHaveDuplicates().containsExactlyInAnyOrder(WebhookEvent.values());
	}

	@Test
	void theEndpointFormBecomesSettings() {
		EndpointSettings all = new EndpointForm("https://a.example/h", "note",
				List.of("PURCHASE_APPROVED", " purchase_refunded "), "all", List.of("7"))
			.settings();
		assertThat(all.events()).containsExactlyInAnyOrder(WebhookEvent.PURCHASE_APPROVED,
				WebhookEvent.PURCHASE_REFUNDED);
		assertThat(all.productIds()).as("products ticked but all chosen").isEmpty();
		EndpointSettings chosen = new EndpointForm("https://a.example/h", null, List.of("CLUB_FIRST_ACCESS"), "chosen",
				List.of("7", "9"))
			.settings();
		assertThat(chosen.productIds()).containsExactlyInAnyOrder(7L, 9L);
		assertThat(new EndpointForm(null, null, null, null, null).settings().events()).isEmpty();
	}

	@Test
	void whatTheFormCannotReadIsRefusedOnItsField() {
		assertThatThrownBy(() -> new EndpointForm("u", null, List.of("PURCHASE_STOLEN"), "all", null).settings())
			.isInstanceOfSatisfying(WebhookRefused.class, (r) -> assertThat(r.field()).isEqualTo("events"));
		assertThatThrownBy(() -> new EndpointForm("u", null, List.of("PURCHASE_APPROVED"), "chosen", null).settings())
			.isInstanceOfSatisfying(WebhookRefused.class, (r) -> assertThat(r.field()).isEqualTo("product_ids"));
		assertThatThrownBy(
				() -> new EndpointForm("u", null, List.of("PURCHASE_APPROVED"), "chosen", List.of("1x")).settings())
			.isInstanceOfSatisfying(WebhookRefused.class, (r) -> assertThat(r.field()).isEqualTo("product_ids"));
	}

	@Test
	void refusalsBecomeMessagesOnTheirField() {
		assertThat(PageProblem.of(new WebhookRefused(WebhookRefused.Reason.ADDRESS_NOT_ALLOWED, "url", "resolves")))
			.isEqualTo(new PageProblem("url", "webhooks.page.refused.address", "resolves"));
		assertThat(PageProblem.of(new WebhookRefused(WebhookRefused.Reason.INVALID, "url", "https only")))
			.isEqualTo(new PageProblem("url", "webhooks.page.refused.url", "https only"));
		assertThat(PageProblem.of(new WebhookRefused(WebhookRefused.Reason.INVALID, "product_ids", "x")))
			.isEqualTo(new PageProblem("products", "webhooks.page.refused.products", null));
		assertThat(PageProblem.of(new WebhookRefused(WebhookRefused.Reason.INVALID, "description", "x")).key())
			.isEqualTo("webhooks.page.refused.description");
		assertThat(PageProblem.of(new WebhookRefused(WebhookRefused.Reason.TOO_MANY_ENDPOINTS, null, "20")).key())
			.isEqualTo("webhooks.page.refused.too-many");
		assertThat(PageProblem.of(new WebhookRefused(WebhookRefused.Reason.INVALID, null, "odd")).detail())
			.isEqualTo("odd");
	}

	@Test
	void logFiltersIgnoreWhatTheyCannotRead() {
		LogFilters odd = new LogFilters("x", "NOPE", "';drop", "  ", "-1x");
		assertThat(odd.filter()).isEqualTo(DeliveryFilter.ALL);
		assertThat(odd.beforeId()).isNull();
		assertThat(odd.link(null)).isEqualTo("/business/webhooks/deliveries");
		LogFilters some = new LogFilters(" 12 ", "purchase_approved", "failed", " HP1 2&x ", null);
		assertThat(some.filter())
			.isEqualTo(new DeliveryFilter(12L, WebhookEvent.PURCHASE_APPROVED, DeliveryStatus.FAILED, "HP1 2&x"));
		assertThat(some.link(99L)).isEqualTo(
				"/business/webhooks/deliveries?endpoint=12&event=PURCHASE_APPROVED&status=FAILED&transaction=HP1%202%26x&before=99");
		assertThat(new LogFilters(null, null, null, "T".repeat(500), null).transactionValue()).hasSize(64);
	}

	@Test
	void theReplayMomentIsReadInTheProducersZone() {
		ZoneId rome = ZoneId.of("Europe/Rome");
		assertThat(new ReplayForm("", "2026-07-01", "").moment(rome)).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
		assertThat(new ReplayForm("", "2026-07-01", "14:30").moment(rome))
			.isEqualTo(Instant.parse("2026-07-01T12:30:00Z"));
		// a time a daylight-saving change skips moves forward, as clocks do
		assertThat(new ReplayForm("", "2026-03-29", "02:30").moment(rome))
			.isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
		assertThat(new ReplayForm("3", "", "").endpointId()).isEqualTo(3L);
		assertThat(new ReplayForm(null, null, null).endpointId()).isNull();
		for (ReplayForm bad : Arrays.asList(new ReplayForm("", "", ""), new ReplayForm("", "01/07/2026", ""),
				new ReplayForm("", "9999-01-01", ""), new ReplayForm("", "2026-07-01", "25:00"))) {
			assertThatThrownBy(() -> bad.moment(rome)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageStartingWith("webhooks.page.replay.invalid-");
		}
		assertThatThrownBy(() -> new ReplayForm("x", "", "").endpointId())
			.hasMessage("webhooks.page.replay.unknown-endpoint");
	}

}
