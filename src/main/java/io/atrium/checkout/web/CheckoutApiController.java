package io.atrium.checkout.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.api.ApiClient;
import io.atrium.api.ApiException;
import io.atrium.api.AtriumApiController;
import io.atrium.api.IdempotentRequests;
import io.atrium.checkout.Buyer;
import io.atrium.checkout.CardDetails;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.CheckoutRefused;
import io.atrium.checkout.CheckoutRequest;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.Purchases;
import io.atrium.checkout.Quote;
import io.atrium.shared.EmailAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * {@code POST /api/v1/checkout}: a producer creates a sale of one of its own offers (for
 * a custom checkout), once per {@code Idempotency-Key}; {@code GET
 * /api/v1/purchases/{transaction}} reads one of its sales.
 */
@AtriumApiController
@Tag(name = "Checkout", description = "Sales of the calling producer's offers")
class CheckoutApiController {

	private final Checkout checkout;

	private final Purchases purchases;

	private final IdempotentRequests idempotent;

	CheckoutApiController(Checkout checkout, Purchases purchases, IdempotentRequests idempotent) {
		this.checkout = checkout;
		this.purchases = purchases;
		this.idempotent = idempotent;
	}

	@Operation(operationId = "createCheckout", summary = "Create a sale of one of your offers",
			description = "Charges the buyer through the payment gateway once per Idempotency-Key. The price is "
					+ "always Atrium's (the offer's, less a valid coupon); expected_price only guards against "
					+ "showing the buyer another amount.")
	@PostMapping("/api/v1/checkout")
	ResponseEntity<PurchaseResponse> create(@AuthenticationPrincipal ApiClient client,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
			@Valid @RequestBody CheckoutBody body) {
		return this.idempotent.createWithOwnTransactions(client, key, body, PurchaseResponse.class,
				() -> ResponseEntity.status(201).body(PurchaseResponse.of(place(client, key, body))));
	}

	@Operation(operationId = "getPurchase", summary = "Get one of your sales by transaction code")
	@GetMapping("/api/v1/purchases/{transaction}")
	PurchaseResponse get(@AuthenticationPrincipal ApiClient client, @PathVariable String transaction) {
		return this.purchases.ofProducer(client.producerAccountId(), transaction)
			.map(PurchaseResponse::of)
			.orElseThrow(() -> ApiException.notFound("No purchase " + transaction + "."));
	}

	private Purchase place(ApiClient client, String key, CheckoutBody body) {
		if (!EmailAddress.isValidInput(body.buyer().email())) {
			throw ApiException.invalidParameter("buyer.email is not an e-mail address.");
		}
		PaymentMethod method = PaymentMethod.valueOf(body.payment().method());
		if (method == PaymentMethod.CARD && body.payment().card() == null) {
			throw ApiException.invalidParameter("payment.card is required when payment.method is CARD.");
		}
		try {
			if (body.expectedPrice() != null) {
				Quote quote = this.checkout.quote(this.checkout.offer(body.offerCode()), body.couponCode());
				checkExpected(body.expectedPrice(), quote);
			}
			CardDetails card = (method == PaymentMethod.CARD) ? new CardDetails(body.payment().card().number(),
					body.payment().card().holder(), body.payment().card().expMonth(), body.payment().card().expYear(),
					body.payment().card().cvc()) : null;
			Locale locale = (body.buyer().locale() != null) ? Locale.forLanguageTag(body.buyer().locale())
					: Locale.ENGLISH;
			return this.checkout.checkout(new CheckoutRequest("api:" + client.producerAccountId() + ":" + key,
					body.offerCode(), body.couponCode(),
					new Buyer(body.buyer().name().trim(), EmailAddress.of(body.buyer().email()).value(),
							body.buyer().document(), locale),
					method, card, client.producerAccountId(), null, body.payment().installments()));
		}
		catch (CheckoutRefused ex) {
			throw switch (ex.reason()) {
				case UNKNOWN_OFFER -> ApiException.notFound("No offer " + body.offerCode() + ".");
				case NOT_FOR_SALE -> new ApiException(HttpStatus.GONE, "offer_not_for_sale",
						"The product of offer " + body.offerCode() + " is not for sale.");
				case COUPON_REFUSED -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "coupon_refused",
						"Coupon " + body.couponCode() + " does not apply: " + ex.couponReason()
								+ ((ex.couponBoundary() != null) ? " (" + ex.couponBoundary() + ")" : "") + ".");
				case CARD_REQUIRED ->
					new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "card_required", ex.getMessage());
				case INSTALLMENTS_NOT_ALLOWED ->
					new ApiException(HttpStatus.BAD_REQUEST, "installments_not_allowed", ex.getMessage());
			};
		}
	}

	private static void checkExpected(PriceBody expected, Quote quote) {
		if (!quote.price().currency().getCurrencyCode().equals(expected.currencyCode())) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "currency_mismatch", "The offer is sold in "
					+ quote.price().currency().getCurrencyCode() + ", not " + expected.currencyCode() + ".");
		}
		if (quote.price().decimal().compareTo(expected.value()) != 0) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "price_mismatch",
					"The price is " + quote.price().decimal().toPlainString() + ", not " + expected.value() + ".");
		}
	}

	/**
	 * A sale to create.
	 *
	 * @param offerCode the offer's code
	 * @param buyer who buys
	 * @param couponCode a coupon code, optional
	 * @param payment how the buyer pays
	 * @param expectedPrice optional: the price the client showed; refused when it is not
	 * what Atrium computes (the charge is always Atrium's own price)
	 */
	record CheckoutBody(@JsonProperty("offer_code") @NotBlank @Size(max = 8) String offerCode,
			@NotNull @Valid BuyerBody buyer, @JsonProperty("coupon_code") @Size(max = 25) String couponCode,
			@NotNull @Valid PaymentBody payment, @JsonProperty("expected_price") @Valid PriceBody expectedPrice) {
	}

	record BuyerBody(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email,
			@Size(max = 30) String document, @Pattern(regexp = "en|pt-BR|es|it") String locale) {
	}

	record PaymentBody(@NotBlank @Pattern(regexp = "CARD|PIX|BILLET") String method, @Valid CardBody card,
			@Schema(description = "Card installments, 1 (the default) to the offer's max_installments; "
					+ "no interest. PIX and BILLET are paid at once: more than 1 is refused.", minimum = "1",
					maximum = "12") Integer installments) {
	}

	record CardBody(@NotBlank @Pattern(regexp = "[\\d ]{12,23}") String number,
			@NotBlank @Size(max = 200) String holder, @JsonProperty("exp_month") @Min(1) @Max(12) int expMonth,
			@JsonProperty("exp_year") @Min(2000) @Max(2100) int expYear,
			@NotBlank @Pattern(regexp = "\\d{3,4}") String cvc) {

		@Override
		public String toString() {
			return "CardBody[redacted]";
		}

	}

	record PriceBody(@NotNull @PositiveOrZero BigDecimal value,
			@JsonProperty("currency_code") @NotBlank @Pattern(regexp = "BRL|USD|EUR") String currencyCode) {
	}

	record PurchaseResponse(String transaction, String status, @JsonProperty("offer_code") String offerCode,
			@JsonProperty("product_id") long productId, @JsonProperty("buyer_email") String buyerEmail,
			PriceResponse price, @JsonProperty("payment_method") String paymentMethod,
			@JsonProperty("decline_reason") String declineReason, @JsonProperty("pix_code") String pixCode,
			@JsonProperty("billet_barcode") String billetBarcode,
			@JsonProperty("payment_expires_at") Instant paymentExpiresAt, @JsonProperty("created_at") Instant createdAt,
			@JsonProperty("approved_at") Instant approvedAt,
			@Schema(description = "Card installments the price is billed in; 1 for PIX and BILLET") int installments) {

		static PurchaseResponse of(Purchase p) {
			return new PurchaseResponse(p.transaction(), p.status().name(), p.terms().offerCode(),
					p.terms().productId(), p.terms().buyer().email(),
					new PriceResponse(p.terms().price().decimal(), p.terms().price().currency().getCurrencyCode()),
					p.terms().method().name(),
					(p.payment().declineReason() != null) ? p.payment().declineReason().name() : null,
					p.payment().pixCode(), p.payment().billetBarcode(), p.payment().expiresAt(), p.terms().createdAt(),
					p.approvedAt(), p.terms().installments());
		}

	}

	record PriceResponse(BigDecimal value, @JsonProperty("currency_code") String currencyCode) {
	}

}
