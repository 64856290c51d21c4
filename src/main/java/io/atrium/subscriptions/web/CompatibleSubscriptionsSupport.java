package io.atrium.subscriptions.web;

import io.atrium.api.ApiErrors;
import io.atrium.subscriptions.KeysetCursor;
import io.atrium.subscriptions.NegotiationRefused;
import io.atrium.subscriptions.SubscriptionRefused;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What the compatible subscriptions controllers share: a refused change answers its
 * documented error in the Hotmart body (hotmart-api.md §2.1): an unknown subscription, or
 * another producer's, 404 {@code not_found}; a change the subscription's state does not
 * allow 400 with the reason's name ({@code SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE},
 * {@code SUBSCRIPTION_ALREADY_ACTIVE}, {@code subscription_in_trial_period}…); a page
 * token this list did not issue 400 {@code invalid_token}.
 */
abstract class CompatibleSubscriptionsSupport {

	@ExceptionHandler(SubscriptionRefused.class)
	ResponseEntity<Object> refused(SubscriptionRefused ex) {
		return switch (ex.reason()) {
			case NOT_FOUND -> ApiErrors.compatibleResponse(HttpStatus.NOT_FOUND, "not_found", ex.getMessage());
			case GATEWAY_UNAVAILABLE -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header("Retry-After", "60")
				.body(ApiErrors.compatible("service_unavailable", ex.getMessage(), ex.getMessage()));
			default -> ApiErrors.compatibleResponse(HttpStatus.BAD_REQUEST, ex.reason().code(), ex.getMessage());
		};
	}

	@ExceptionHandler(NegotiationRefused.class)
	ResponseEntity<Object> negotiationRefused(NegotiationRefused ex) {
		return ApiErrors.compatibleResponse(HttpStatus.BAD_REQUEST, "invalid_parameter", ex.getMessage());
	}

	@ExceptionHandler(KeysetCursor.InvalidCursor.class)
	ResponseEntity<Object> invalidCursor(KeysetCursor.InvalidCursor ex) {
		return ApiErrors.compatibleResponse(HttpStatus.BAD_REQUEST, "invalid_token", ex.getMessage());
	}

}
