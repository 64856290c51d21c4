package io.atrium.webhooks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.atrium.catalog.Catalog;
import io.atrium.catalog.OfferForSale;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionEvents;
import io.atrium.subscriptions.SubscriptionStatus;
import io.atrium.webhooks.payload.Price;
import io.atrium.webhooks.payload.SubscriptionData;

import org.springframework.stereotype.Component;

/**
 * Builds the {@code data} of {@code SUBSCRIPTION_CANCELLATION}, {@code SWITCH_PLAN} and
 * {@code UPDATE_SUBSCRIPTION_CHARGE_DATE} (hotmart-api.md §8.3 to §8.5).
 */
@Component
class SubscriptionPayloads {

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final Catalog catalog;

	SubscriptionPayloads(Catalog catalog) {
		this.catalog = catalog;
	}

	SubscriptionData.Cancellation cancellation(Subscription s, SubscriptionEvents.Cancelled event) {
		Instant end = (event.accessUntil() != null) ? event.accessUntil() : s.dateNextCharge();
		return new SubscriptionData.Cancellation((end != null) ? end.toEpochMilli() : event.at().toEpochMilli(),
				new SubscriptionData.ProductRef(s.productName(), s.productId()), Price.amount(s.plan().price()),
				new SubscriptionData.CancelledSubscriber(s.code(), s.subscriber().name(), s.subscriber().email(),
						SubscriptionData.Phone.NONE),
				new SubscriptionData.CancelledSubscription(s.id(),
						new SubscriptionData.PlanRef(s.plan().name(), s.plan().offerId())),
				event.at().toEpochMilli());
	}

	SubscriptionData.SwitchPlan switchPlan(Subscription s, SubscriptionEvents.PlanSwitched event) {
		List<SubscriptionData.SwitchedPlan> plans = new ArrayList<>();
		plan(event.toOfferCode(), true).ifPresent(plans::add);
		if (!event.fromOfferCode().equals(event.toOfferCode())) {
			plan(event.fromOfferCode(), false).ifPresent(plans::add);
		}
		return new SubscriptionData.SwitchPlan(event.at().toEpochMilli(),
				new SubscriptionData.SwitchedSubscription(s.code(), webhookStatus(s.status()), nextCharge(s),
						new SubscriptionData.ProductIdName(s.productId(), s.productName()),
						new SubscriptionData.User(s.subscriber().email())),
				plans);
	}

	private Optional<SubscriptionData.SwitchedPlan> plan(String offerCode, boolean current) {
		return this.catalog.offerForSale(offerCode)
			.map((OfferForSale o) -> new SubscriptionData.SwitchedPlan(o.offerId(), o.name(),
					new SubscriptionData.OfferKey(o.code()), current));
	}

	SubscriptionData.ChargeDate chargeDate(Subscription s, SubscriptionEvents.ChargeDateChanged event) {
		Instant next = (event.nextChargeAt() != null) ? event.nextChargeAt() : s.nextChargeAt();
		return new SubscriptionData.ChargeDate(
				new SubscriptionData.ChargeDateSubscriber(s.subscriber().name(), s.subscriber().email(), s.code()),
				new SubscriptionData.ChargeDateSubscription(
						new SubscriptionData.ProductRef(s.productName(), s.productId()), event.oldDueDay(),
						event.newDueDay(), (next != null) ? ISO_MILLIS.format(next.truncatedTo(ChronoUnit.MILLIS)) : "",
						webhookStatus(s.status())),
				new SubscriptionData.ChargeDatePlan(new SubscriptionData.OfferCode(s.plan().offerCode()),
						s.plan().name(), s.plan().offerId()));
	}

	private static long nextCharge(Subscription s) {
		Instant next = (s.nextChargeAt() != null) ? s.nextChargeAt() : s.dateNextCharge();
		return (next != null) ? next.toEpochMilli() : 0;
	}

	/**
	 * The status as {@code SWITCH_PLAN} and {@code UPDATE_SUBSCRIPTION_CHARGE_DATE} spell
	 * it (hotmart-api.md §2.5): cancellations with one L and VENDOR for the seller;
	 * DELAYED, which that list lacks, is OVERDUE (a charge is late).
	 */
	static String webhookStatus(SubscriptionStatus status) {
		return switch (status) {
			case CANCELLED_BY_CUSTOMER -> "CANCELED_BY_CUSTOMER";
			case CANCELLED_BY_SELLER -> "CANCELED_BY_VENDOR";
			case CANCELLED_BY_ADMIN -> "CANCELED_BY_ADMIN";
			case DELAYED -> "OVERDUE";
			default -> status.name();
		};
	}

}
