package io.atrium.sales.web;

import java.util.Map;

import io.atrium.api.ApiClient;
import io.atrium.api.ApiException;
import io.atrium.api.CompatibleApiController;
import io.atrium.checkout.RefundRefused;
import io.atrium.checkout.Refunds;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;

/**
 * The compatible refund (hotmart-api.md §4.6): the producer refunds one of their sales
 * through {@link Refunds}. Success is 200 {@code {}}; a sale that cannot be refunded (not
 * approved, outside the window, refunded already) is 400 {@code invalid_parameter} with
 * the reason; another producer's or an unknown sale is 404.
 */
@CompatibleApiController
@Hidden
class CompatibleRefundController {

	private final Refunds refunds;

	CompatibleRefundController(Refunds refunds) {
		this.refunds = refunds;
	}

	@PutMapping("/payments/api/v1/sales/{transaction_code}/refund")
	Map<String, Object> refund(@AuthenticationPrincipal ApiClient client,
			@PathVariable("transaction_code") String transaction) {
		try {
			this.refunds.refund(client.producerAccountId(), transaction);
			return Map.of();
		}
		catch (RefundRefused ex) {
			if (ex.reason() == RefundRefused.Reason.NOT_FOUND) {
				throw ApiException.notFound("No sale " + transaction + ".");
			}
			throw ApiException.invalidParameter(ex.getMessage());
		}
	}

}
