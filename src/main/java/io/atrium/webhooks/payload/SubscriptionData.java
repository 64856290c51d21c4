package io.atrium.webhooks.payload;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code data} of the subscription events (hotmart-api.md §8.3 to §8.5).
 */
public final class SubscriptionData {

	private SubscriptionData() {
	}

	/**
	 * {@code SUBSCRIPTION_CANCELLATION} (§8.3).
	 *
	 * @param dateNextCharge the end of the paid period (ms), the charge that will not
	 * happen
	 * @param product the product
	 * @param actualRecurrenceValue the plan's price
	 * @param subscriber the subscriber
	 * @param subscription the subscription
	 * @param cancellationDate when it was cancelled (ms)
	 */
	public record Cancellation(long dateNextCharge, ProductRef product, BigDecimal actualRecurrenceValue,
			CancelledSubscriber subscriber, CancelledSubscription subscription, long cancellationDate) {
	}

	/**
	 * {@code {"name","id"}}.
	 *
	 * @param name the product's name
	 * @param id its id
	 */
	public record ProductRef(String name, long id) {
	}

	/**
	 * §8.3 {@code subscriber}.
	 *
	 * @param code the subscriber code
	 * @param name the name
	 * @param email the e-mail address
	 * @param phone no phone is recorded: empty fields
	 */
	public record CancelledSubscriber(String code, String name, String email, Phone phone) {
	}

	/**
	 * §8.3 {@code subscriber.phone}, with Hotmart's camelCase names.
	 *
	 * @param dddPhone area code
	 * @param phone number
	 * @param dddCell mobile area code
	 * @param cell mobile number
	 */
	public record Phone(@JsonProperty("dddPhone") String dddPhone, @JsonProperty("phone") String phone,
			@JsonProperty("dddCell") String dddCell, @JsonProperty("cell") String cell) {

		/** No phone. */
		public static final Phone NONE = new Phone("", "", "", "");

	}

	/**
	 * §8.3 {@code subscription}.
	 *
	 * @param id the subscription's id
	 * @param plan its plan
	 */
	public record CancelledSubscription(long id, PlanRef plan) {
	}

	/**
	 * {@code {"name","id"}} of a plan (its offer's id).
	 *
	 * @param name the plan's name
	 * @param id its id
	 */
	public record PlanRef(String name, long id) {
	}

	/**
	 * {@code SWITCH_PLAN} (§8.4).
	 *
	 * @param switchPlanDate when the switch was made (ms)
	 * @param subscription the subscription
	 * @param plans the new plan ({@code current: true}) and the one before
	 */
	public record SwitchPlan(long switchPlanDate, SwitchedSubscription subscription, List<SwitchedPlan> plans) {
	}

	/**
	 * §8.4 {@code subscription}.
	 *
	 * @param subscriberCode the subscriber code
	 * @param status the status, webhook spelling ({@code CANCELED_BY_VENDOR})
	 * @param dateNextCharge the next charge (ms)
	 * @param product the product
	 * @param user the subscriber
	 */
	public record SwitchedSubscription(String subscriberCode, String status, long dateNextCharge, ProductIdName product,
			User user) {
	}

	/**
	 * {@code {"id","name"}} of a product.
	 *
	 * @param id its id
	 * @param name its name
	 */
	public record ProductIdName(long id, String name) {
	}

	/**
	 * {@code {"email"}}.
	 *
	 * @param email the e-mail address
	 */
	public record User(String email) {
	}

	/**
	 * §8.4 {@code plans[]}.
	 *
	 * @param id the plan's id (its offer's id)
	 * @param name its name
	 * @param offer its offer
	 * @param current whether it is the plan after the switch
	 */
	public record SwitchedPlan(long id, String name, OfferKey offer, boolean current) {
	}

	/**
	 * {@code {"key"}}.
	 *
	 * @param key the offer code
	 */
	public record OfferKey(String key) {
	}

	/**
	 * {@code UPDATE_SUBSCRIPTION_CHARGE_DATE} (§8.5).
	 *
	 * @param subscriber the subscriber
	 * @param subscription the subscription with its old and new due day
	 * @param plan the plan
	 */
	public record ChargeDate(ChargeDateSubscriber subscriber, ChargeDateSubscription subscription,
			ChargeDatePlan plan) {
	}

	/**
	 * §8.5 {@code subscriber}.
	 *
	 * @param name the name
	 * @param email the e-mail address
	 * @param code the subscriber code
	 */
	public record ChargeDateSubscriber(String name, String email, String code) {
	}

	/**
	 * §8.5 {@code subscription}.
	 *
	 * @param product the product
	 * @param oldChargeDay the due day before
	 * @param newChargeDay the new due day
	 * @param dateNextCharge the next charge, an ISO 8601 string
	 * ({@code 2022-09-01T12:00:00.000Z}): the one exception to milliseconds
	 * @param status the status, webhook spelling
	 */
	public record ChargeDateSubscription(ProductRef product, int oldChargeDay, int newChargeDay, String dateNextCharge,
			String status) {
	}

	/**
	 * §8.5 {@code plan}.
	 *
	 * @param offer its offer
	 * @param name its name
	 * @param id its id (its offer's id)
	 */
	public record ChargeDatePlan(OfferCode offer, String name, long id) {
	}

	/**
	 * {@code {"code"}}.
	 *
	 * @param code the offer code
	 */
	public record OfferCode(String code) {
	}

}
