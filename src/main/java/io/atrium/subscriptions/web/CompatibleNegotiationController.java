package io.atrium.subscriptions.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.api.ApiClient;
import io.atrium.api.ApiException;
import io.atrium.api.CompatibleApiController;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.Purchase;
import io.atrium.platform.BaseUrl;
import io.atrium.subscriptions.Negotiation;
import io.atrium.subscriptions.Requester;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Installment negotiation (hotmart-api.md §3.10): one pending PIX or billet charge for
 * some of a subscription's unpaid recurrences, less a discount ({@link Negotiation}).
 * {@code payment_type} is PIX or BILLET ({@code BOLETO} is read as BILLET); a billet
 * needs {@code document}. Repeating the request while its charge is payable answers the
 * same charge.
 */
@CompatibleApiController
@Hidden
class CompatibleNegotiationController extends CompatibleSubscriptionsSupport {

	private final Negotiation negotiation;

	private final BaseUrl baseUrl;

	CompatibleNegotiationController(Negotiation negotiation, BaseUrl baseUrl) {
		this.negotiation = negotiation;
		this.baseUrl = baseUrl;
	}

	@PostMapping("/payments/api/v1/installments/negotiate")
	Answer negotiate(@AuthenticationPrincipal ApiClient client, @RequestBody NegotiateRequest request) {
		if (request.subscriptionId() == null || request.recurrences() == null || request.paymentType() == null) {
			throw ApiException.invalidParameter(
					"The request was unacceptable: subscription_id, recurrences and payment_type are required.");
		}
		PaymentMethod method = switch (request.paymentType().strip().toUpperCase(Locale.ROOT)) {
			case "PIX" -> PaymentMethod.PIX;
			case "BILLET", "BOLETO" -> PaymentMethod.BILLET;
			default -> throw ApiException
				.invalidParameter("The request was unacceptable: payment_type must be PIX or BILLET.");
		};
		BigDecimal discount = null;
		if (request.discount() != null) {
			if (request.discount().value() == null || (request.discount().type() != null
					&& !request.discount().type().strip().equalsIgnoreCase("CUSTOM"))) {
				throw ApiException.invalidParameter(
						"The request was unacceptable: discount is {\"type\":\"CUSTOM\",\"value\":<amount>}.");
			}
			discount = request.discount().value();
		}
		Negotiation.Offer offer = this.negotiation.negotiate(Requester.producer(client.producerAccountId()),
				request.subscriptionId(), request.recurrences(), method, discount, request.document());
		return Answer.of(offer, (offer.paymentPage() != null) ? this.baseUrl.link(offer.paymentPage()) : null);
	}

	/** The §3.10 body. */
	record NegotiateRequest(@JsonProperty("subscription_id") Long subscriptionId, List<Integer> recurrences,
			@JsonProperty("payment_type") String paymentType, Discount discount, String document) {

	}

	/** {@code {"type":"CUSTOM","value":10.5}}: an amount off the total. */
	record Discount(String type, BigDecimal value) {

	}

	/** The §3.10 answer. */
	record Answer(@JsonProperty("subscription_id") long subscriptionId, String transaction, Payment payment) {

		static Answer of(Negotiation.Offer offer, String page) {
			Purchase p = offer.purchase();
			boolean pix = p.terms().method() == PaymentMethod.PIX;
			Long expires = SubscriptionItems.millis(p.payment().expiresAt());
			return new Answer(offer.subscriptionId(), p.transaction(),
					pix ? new Payment("PIX", expires, p.payment().pixCode(), page, null, null)
							: new Payment("BILLET", expires, null, null, page, p.payment().billetBarcode()));
		}

	}

	/** {@code payment}: the PIX code and its page, or the billet's page and barcode. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Payment(String type, @JsonProperty("expiration_date") Long expirationDate,
			@JsonProperty("pix_code") String pixCode, @JsonProperty("pix_qrcode") String pixQrcode,
			@JsonProperty("billet_url") String billetUrl, @JsonProperty("billet_barcode") String billetBarcode) {

	}

}
