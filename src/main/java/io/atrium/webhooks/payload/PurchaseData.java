package io.atrium.webhooks.payload;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code data} of the purchase events (hotmart-api.md §8.2), producer view. Atrium has no
 * affiliates, co-producers, physical products or fees: {@code affiliates} holds one entry
 * of empty strings (as real payloads without an affiliate do), the commission is the
 * whole price. {@code subscription} is present for purchases of a plan only.
 *
 * @param product the product
 * @param affiliates the affiliates: one empty entry
 * @param buyer the buyer
 * @param producer the producer
 * @param commissions the platform's (0) and the producer's (the price)
 * @param purchase the purchase
 * @param subscription the subscription it belongs to, or null (omitted)
 */
public record PurchaseData(Product product, List<Affiliate> affiliates, Buyer buyer, Producer producer,
		List<Commission> commissions, Purchase purchase,
		@JsonInclude(JsonInclude.Include.NON_NULL) Subscription subscription) {

	/**
	 * {@code product}.
	 *
	 * @param id the product id
	 * @param ucode its UUID
	 * @param name its name
	 * @param hasCoProduction always false
	 * @param warrantyDate when the refund guarantee ends, ISO 8601
	 * ({@code 2017-12-27T00:00:00Z})
	 * @param supportEmail the producer's support address
	 * @param isPhysicalProduct always false
	 * @param content the products it contains: itself
	 */
	public record Product(long id, String ucode, String name,
			@JsonProperty("has_co_production") boolean hasCoProduction, String warrantyDate, String supportEmail,
			@JsonProperty("is_physical_product") boolean isPhysicalProduct, Content content) {
	}

	/**
	 * {@code product.content}.
	 *
	 * @param hasPhysicalProducts always false
	 * @param products the products delivered
	 */
	public record Content(@JsonProperty("has_physical_products") boolean hasPhysicalProducts,
			List<ContentProduct> products) {
	}

	/**
	 * {@code product.content.products[]}.
	 *
	 * @param id the product id
	 * @param ucode its UUID
	 * @param name its name
	 * @param isPhysicalProduct always false
	 */
	public record ContentProduct(long id, String ucode, String name,
			@JsonProperty("is_physical_product") boolean isPhysicalProduct) {
	}

	/**
	 * {@code affiliates[]}.
	 *
	 * @param affiliateCode the affiliate's code, empty without one
	 * @param name the affiliate's name, empty without one
	 */
	public record Affiliate(String affiliateCode, String name) {

		/** The entry sent when there is no affiliate. */
		public static final Affiliate NONE = new Affiliate("", "");

	}

	/**
	 * {@code buyer}. Atrium's checkout asks no phone or address: those are empty.
	 *
	 * @param email the e-mail address
	 * @param name the full name
	 * @param firstName the first word of the name
	 * @param lastName the rest of it
	 * @param checkoutPhone empty
	 * @param checkoutPhoneCode empty
	 * @param document the tax document, empty when none
	 * @param documentType CPF (11 digits), CNPJ (14) or empty
	 * @param address empty fields, and the country of the checkout when known
	 */
	public record Buyer(String email, String name, String firstName, String lastName, String checkoutPhone,
			String checkoutPhoneCode, String document, String documentType, Address address) {
	}

	/**
	 * {@code buyer.address}.
	 *
	 * @param zipcode the postal code
	 * @param country the country's name
	 * @param number the house number
	 * @param address the street
	 * @param city the city
	 * @param state the state
	 * @param neighborhood the neighbourhood
	 * @param complement the complement
	 * @param countryIso the country's ISO code
	 */
	public record Address(String zipcode, String country, String number, String address, String city, String state,
			String neighborhood, String complement, String countryIso) {
	}

	/**
	 * {@code producer}.
	 *
	 * @param name the producer's name
	 * @param legalNature empty (not recorded)
	 * @param document empty (not recorded)
	 */
	public record Producer(String name, String legalNature, String document) {
	}

	/**
	 * {@code commissions[]}.
	 *
	 * @param value the amount
	 * @param currencyValue its currency
	 * @param source MARKETPLACE or PRODUCER
	 */
	public record Commission(BigDecimal value, String currencyValue, String source) {
	}

	/**
	 * {@code purchase}.
	 *
	 * @param approvedDate when it was paid (ms), omitted before
	 * @param fullPrice what the buyer paid in all
	 * @param originalOfferPrice the offer's price before a coupon
	 * @param price what was charged
	 * @param offer the offer
	 * @param recurrenceNumber the recurrence it pays (1 outside a subscription)
	 * @param subscriptionAnticipationPurchase always false
	 * @param checkoutCountry the country of the checkout
	 * @param origin tracking parameters: empty
	 * @param orderBump never an order bump
	 * @param orderDate when the checkout was made (ms)
	 * @param dateNextCharge the subscription's next charge (ms), omitted outside one
	 * @param status the purchase status the event announces
	 * @param transaction the transaction code
	 * @param payment how it was paid
	 * @param invoiceBy always HOTMART (the platform invoices)
	 * @param isFunnel always false
	 * @param businessModel always I
	 * @param buyerIp the buyer's IP address as the checkout page saw it; empty for API
	 * checkouts and imports
	 */
	public record Purchase(@JsonInclude(JsonInclude.Include.NON_NULL) Long approvedDate, Price fullPrice,
			Price originalOfferPrice, Price price, Offer offer, int recurrenceNumber,
			boolean subscriptionAnticipationPurchase, Country checkoutCountry, Origin origin, OrderBump orderBump,
			long orderDate, @JsonInclude(JsonInclude.Include.NON_NULL) Long dateNextCharge, String status,
			String transaction, Payment payment, String invoiceBy, @JsonProperty("is_funnel") boolean isFunnel,
			String businessModel, String buyerIp) {
	}

	/**
	 * {@code purchase.offer}.
	 *
	 * @param code the offer code
	 * @param couponCode the coupon applied, empty when none
	 * @param name the offer's name
	 * @param description empty
	 */
	public record Offer(String code, String couponCode, String name, String description) {
	}

	/**
	 * {@code {"name","iso"}}.
	 *
	 * @param name the country's name (in Portuguese, as Hotmart writes it)
	 * @param iso its ISO 3166 code
	 */
	public record Country(String name, String iso) {

		/** An unknown country. */
		public static final Country UNKNOWN = new Country("", "");

	}

	/**
	 * {@code purchase.origin}: tracking parameters Atrium does not record.
	 *
	 * @param src empty
	 * @param sck empty
	 * @param xcod empty
	 */
	public record Origin(String src, String sck, String xcod) {

		/** No tracking. */
		public static final Origin NONE = new Origin("", "", "");

	}

	/**
	 * {@code purchase.order_bump}.
	 *
	 * @param isOrderBump always false
	 */
	public record OrderBump(@JsonProperty("is_order_bump") boolean isOrderBump) {
	}

	/**
	 * {@code purchase.payment}: the fields of the method used.
	 *
	 * @param billetBarcode the billet's barcode, omitted for other methods
	 * @param billetUrl omitted (Atrium shows the billet on the purchase page)
	 * @param installmentsNumber the card installments the buyer chose, 1 for PIX, billet
	 * and plans
	 * @param pixCode the PIX copy-and-paste code, omitted for other methods
	 * @param pixExpirationDate when the PIX code expires (ms), omitted for other methods
	 * @param pixQrcode the same code, for a QR code, omitted for other methods
	 * @param refusalReason why the card was refused, omitted otherwise
	 * @param type CREDIT_CARD, PIX or BILLET
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Payment(String billetBarcode, String billetUrl, int installmentsNumber, String pixCode,
			Long pixExpirationDate, String pixQrcode, String refusalReason, String type) {
	}

	/**
	 * {@code subscription}.
	 *
	 * @param status the subscription's status, REST spelling
	 * ({@code CANCELLED_BY_SELLER})
	 * @param plan the plan
	 * @param subscriber the subscriber
	 */
	public record Subscription(String status, Plan plan, Subscriber subscriber) {
	}

	/**
	 * {@code subscription.plan}.
	 *
	 * @param id the plan's id (its offer's id)
	 * @param name its name
	 */
	public record Plan(long id, String name) {
	}

	/**
	 * {@code subscription.subscriber}.
	 *
	 * @param code the subscriber code
	 */
	public record Subscriber(String code) {
	}

}
