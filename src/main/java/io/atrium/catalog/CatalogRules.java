package io.atrium.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;

/**
 * The rules a product, offer or coupon must follow, as pure functions: each takes what
 * the producer stated and returns it cleaned (trimmed, normalised) or throws
 * {@link InvalidCatalogInput} listing every problem.
 */
final class CatalogRules {

	static final Pattern COUPON_CODE = Pattern.compile("[A-Za-z0-9_-]{1," + CouponDetails.MAX_CODE + "}");

	/** The smallest discount, 0.0001 (1 basis point), and the largest below 0.99. */
	static final BigDecimal MAX_DISCOUNT = new BigDecimal("0.99");

	private CatalogRules() {
	}

	static ProductDetails product(ProductDetails in) {
		Violations v = new Violations();
		String name = strip(in.name());
		if (name.isEmpty()) {
			v.add("name", "name.required", "Enter a name.");
		}
		else if (name.length() > ProductDetails.MAX_NAME) {
			v.add("name", "name.too-long", "The name can have at most 100 characters.", ProductDetails.MAX_NAME);
		}
		String description = strip(in.description());
		if (description.length() > ProductDetails.MAX_DESCRIPTION) {
			v.add("description", "description.too-long", "The description can have at most 5000 characters.",
					ProductDetails.MAX_DESCRIPTION);
		}
		String email = strip(in.supportEmail());
		if (email.isEmpty()) {
			v.add("supportEmail", "support-email.required", "Enter the support e-mail address buyers can write to.");
		}
		else if (!EmailAddress.isValidInput(email)) {
			v.add("supportEmail", "support-email.invalid", "The support e-mail address is not valid.");
		}
		if (in.format() == null) {
			v.add("format", "format.required", "Choose a format.");
		}
		if (in.status() == null) {
			v.add("status", "status.required", "Choose a status.");
		}
		if (!ProductDetails.WARRANTY_DAYS.contains(in.warrantyDays())) {
			v.add("warrantyDays", "warranty.invalid", "The refund guarantee is 7, 15, 21 or 30 days.");
		}
		Delivery delivery = delivery(in.delivery(), v);
		v.throwIfAny();
		return new ProductDetails(name, description, EmailAddress.of(email).value(), in.format(), in.status(),
				in.warrantyDays(), delivery);
	}

	private static Delivery delivery(Delivery in, Violations v) {
		if (in == null || in.kind() == null) {
			v.add("deliveryKind", "delivery.required", "Choose where buyers get access.");
			return null;
		}
		if (in.kind() == DeliveryKind.MEMBERS_AREA) {
			return Delivery.membersArea();
		}
		String url = strip(in.externalUrl());
		if (url.isEmpty()) {
			v.add("externalUrl", "external-url.required", "Enter the address of your members area.");
		}
		else if (url.length() > ProductDetails.MAX_EXTERNAL || !isWebAddress(url)) {
			v.add("externalUrl", "external-url.invalid",
					"The address must be a full http:// or https:// address, such as https://example.com/members.");
		}
		String instructions = strip(in.accessInstructions());
		if (instructions.isEmpty()) {
			v.add("accessInstructions", "instructions.required", "Tell buyers how they get access.");
		}
		else if (instructions.length() > ProductDetails.MAX_EXTERNAL) {
			v.add("accessInstructions", "instructions.too-long",
					"The access instructions can have at most 2000 characters.", ProductDetails.MAX_EXTERNAL);
		}
		return Delivery.external(url, instructions);
	}

	static boolean isWebAddress(String url) {
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& !uri.getHost().isBlank() && uri.getUserInfo() == null;
		}
		catch (Exception ex) {
			return false;
		}
	}

	static OfferDetails offer(OfferDetails in) {
		Violations v = new Violations();
		String name = strip(in.name());
		if (name.isEmpty()) {
			v.add("name", "offer-name.required", "Enter a name for the offer.");
		}
		else if (name.length() > OfferDetails.MAX_NAME) {
			v.add("name", "name.too-long", "The name can have at most 100 characters.", OfferDetails.MAX_NAME);
		}
		Money price = in.price();
		if (price == null) {
			v.add("price", "price.required", "Enter a price.");
		}
		else if (price.amountMinor() <= 0 || price.amountMinor() > OfferDetails.MAX_AMOUNT) {
			v.add("price", "price.range", "The price must be more than zero and at most 99,999,999.99.");
		}
		RecurringPlan plan = null;
		if (in.paymentMode() == null) {
			v.add("paymentMode", "payment-mode.required", "Choose single payment or recurring.");
		}
		else if (in.paymentMode() == PaymentMode.RECURRING) {
			plan = plan(in.plan(), v);
		}
		if (in.clubGroupId() != null && in.clubGroupId() <= 0) {
			v.add("clubGroupId", "club-group.invalid", "The members-area group id must be a positive number.");
		}
		if (in.maxInstallments() < 1 || in.maxInstallments() > OfferDetails.MAX_INSTALLMENTS) {
			v.add("maxInstallments", "max-installments.range",
					"The maximum number of installments is between 1 and 12.", OfferDetails.MAX_INSTALLMENTS);
		}
		v.throwIfAny();
		// a plan charges once a period: installments are for single payments only
		int installments = (in.paymentMode() == PaymentMode.RECURRING) ? 1 : in.maxInstallments();
		return new OfferDetails(name, price, in.paymentMode(), plan, in.clubGroupId(), installments);
	}

	private static RecurringPlan plan(RecurringPlan in, Violations v) {
		if (in == null || in.period() == null) {
			v.add("period", "period.required", "Choose how often the plan charges.");
			return null;
		}
		if (in.maxCharges() != null && (in.maxCharges() < 1 || in.maxCharges() > OfferDetails.MAX_CHARGES)) {
			v.add("maxCharges", "max-charges.range",
					"The number of charges is between 1 and 999, or empty for charges until cancelled.",
					OfferDetails.MAX_CHARGES);
		}
		if (in.trialDays() < 0 || in.trialDays() > OfferDetails.MAX_TRIAL_DAYS) {
			v.add("trialDays", "trial.range", "The free trial is between 0 and 365 days.", OfferDetails.MAX_TRIAL_DAYS);
		}
		return in;
	}

	static CouponDetails coupon(CouponDetails in) {
		Violations v = new Violations();
		String code = strip(in.code());
		if (code.isEmpty()) {
			v.add("code", "coupon-code.required", "Enter a code.");
		}
		else if (!COUPON_CODE.matcher(code).matches()) {
			v.add("code", "coupon-code.invalid",
					"The code has 1 to 25 characters: letters, digits, - or _, without spaces.",
					CouponDetails.MAX_CODE);
		}
		BigDecimal discount = in.discount();
		if (discount == null) {
			v.add("discount", "discount.required", "Enter the discount.");
		}
		else if (discount.signum() <= 0 || discount.compareTo(MAX_DISCOUNT) >= 0) {
			v.add("discount", "discount.range", "The discount must be more than 0% and less than 99%.");
		}
		else if (discount.stripTrailingZeros().scale() > 4) {
			v.add("discount", "discount.precision", "The discount can have at most 2 decimal places in percent.");
		}
		if (in.startsAt() != null && in.endsAt() != null && !in.endsAt().isAfter(in.startsAt())) {
			v.add("endsAt", "coupon-end.before-start", "The end must be after the start.");
		}
		v.throwIfAny();
		return new CouponDetails(code.toUpperCase(Locale.ROOT), discount, in.startsAt(), in.endsAt(), in.offerIds());
	}

	/**
	 * @param discount a valid discount
	 * @return it in basis points (0.2 is 2000)
	 */
	static int basisPoints(BigDecimal discount) {
		return discount.movePointRight(4).intValueExact();
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : "";
	}

}
