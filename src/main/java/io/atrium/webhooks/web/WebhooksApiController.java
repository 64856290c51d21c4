package io.atrium.webhooks.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.atrium.api.ApiClient;
import io.atrium.api.ApiErrors;
import io.atrium.api.AtriumApiController;
import io.atrium.api.CursorPage;
import io.atrium.api.IdempotentRequests;
import io.atrium.api.PageQuery;
import io.atrium.webhooks.DeliveryFilter;
import io.atrium.webhooks.DeliveryStatus;
import io.atrium.webhooks.WebhookEndpoint;
import io.atrium.webhooks.WebhookEvent;
import io.atrium.webhooks.WebhookRefused;
import io.atrium.webhooks.Webhooks;
import io.atrium.webhooks.web.WebhookApiJson.DeliveryDetail;
import io.atrium.webhooks.web.WebhookApiJson.DeliveryResponse;
import io.atrium.webhooks.web.WebhookApiJson.EndpointRequest;
import io.atrium.webhooks.web.WebhookApiJson.EndpointResponse;
import io.atrium.webhooks.web.WebhookApiJson.EndpointWithSecret;
import io.atrium.webhooks.web.WebhookApiJson.HottokResponse;
import io.atrium.webhooks.web.WebhookApiJson.ReplayRequest;
import io.atrium.webhooks.web.WebhookApiJson.ResendRequest;
import io.atrium.webhooks.web.WebhookApiJson.Scheduled;
import io.atrium.webhooks.web.WebhookApiJson.TestRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /api/v1/webhooks}: the calling producer's webhook endpoints, hottok and delivery
 * log (docs/webhooks.md).
 */
@AtriumApiController
@Tag(name = "Webhooks", description = "Webhook endpoints, the hottok and the delivery log of the calling producer")
class WebhooksApiController {

	private static final String ENDPOINTS = "/api/v1/webhooks/endpoints";

	private final Webhooks webhooks;

	private final IdempotentRequests idempotent;

	WebhooksApiController(Webhooks webhooks, IdempotentRequests idempotent) {
		this.webhooks = webhooks;
		this.idempotent = idempotent;
	}

	@GetMapping(ENDPOINTS)
	@Operation(operationId = "listWebhookEndpoints", summary = "List webhook endpoints", description = "Oldest first.")
	@ApiResponse(responseCode = "200", description = "One page")
	CursorPage<EndpointResponse> endpoints(@AuthenticationPrincipal ApiClient client,
			@Parameter(description = "Items per page, 1 to 500") @RequestParam(required = false) Integer limit,
			@Parameter(description = "The next_cursor of the previous page") @RequestParam(
					required = false) String cursor) {
		PageQuery query = PageQuery.of(limit, cursor);
		long after = (query.after() != null) ? query.after() : Long.MIN_VALUE;
		List<WebhookEndpoint> page = this.webhooks.endpoints(client.producerAccountId())
			.stream()
			.filter((e) -> e.id() > after)
			.limit(query.fetchSize())
			.toList();
		return query.page(page, WebhookEndpoint::id).map(EndpointResponse::of);
	}

	@PostMapping(ENDPOINTS)
	@Operation(operationId = "createWebhookEndpoint", summary = "Create a webhook endpoint",
			description = "The answer carries the signing secret: it is shown only now (and on rotation). "
					+ "The URL must be https:// and resolve to public addresses only.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "400",
			description = "Invalid body, a URL refused (error: address_not_allowed), or missing Idempotency-Key")
	@ApiResponse(responseCode = "409", description = "Too many endpoints (error: too_many_endpoints)")
	@ApiResponse(responseCode = "422", description = "Idempotency-Key already used with a different request")
	ResponseEntity<EndpointWithSecret> create(@AuthenticationPrincipal ApiClient client,
			@Parameter(description = "A unique value per creation; send the same value when retrying") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String key,
			@RequestBody EndpointRequest request) {
		return this.idempotent.createWithOwnTransactions(client, key, request, EndpointWithSecret.class, () -> {
			EndpointWithSecret created = EndpointWithSecret
				.of(this.webhooks.create(client.producerAccountId(), request.settings()));
			return ResponseEntity.created(URI.create(ENDPOINTS + "/" + created.endpoint().id())).body(created);
		});
	}

	@GetMapping(ENDPOINTS + "/{id}")
	@Operation(operationId = "getWebhookEndpoint", summary = "Get a webhook endpoint")
	@ApiResponse(responseCode = "200", description = "The endpoint")
	@ApiResponse(responseCode = "404", description = "No such endpoint of this producer")
	EndpointResponse endpoint(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
		return EndpointResponse.of(this.webhooks.endpoint(client.producerAccountId(), id));
	}

	@PutMapping(ENDPOINTS + "/{id}")
	@Operation(operationId = "updateWebhookEndpoint", summary = "Change a webhook endpoint",
			description = "Its URL, description, events and products; the secret and status stay.")
	@ApiResponse(responseCode = "200", description = "The endpoint")
	@ApiResponse(responseCode = "400", description = "Invalid body or a URL refused")
	@ApiResponse(responseCode = "404", description = "No such endpoint of this producer")
	EndpointResponse update(@AuthenticationPrincipal ApiClient client, @PathVariable long id,
			@RequestBody EndpointRequest request) {
		return EndpointResponse.of(this.webhooks.update(client.producerAccountId(), id, request.settings()));
	}

	@PostMapping(ENDPOINTS + "/{id}/enable")
	@Operation(operationId = "enableWebhookEndpoint", summary = "Enable a webhook endpoint",
			description = "What failed while it was disabled is sent by a replay.")
	@ApiResponse(responseCode = "200", description = "The endpoint")
	@ApiResponse(responseCode = "404", description = "No such endpoint of this producer")
	EndpointResponse enable(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
		return EndpointResponse.of(this.webhooks.enable(client.producerAccountId(), id));
	}

	@PostMapping(ENDPOINTS + "/{id}/disable")
	@Operation(operationId = "disableWebhookEndpoint", summary = "Disable a webhook endpoint")
	@ApiResponse(responseCode = "200", description = "The endpoint")
	@ApiResponse(responseCode = "404", description = "No such endpoint of this producer")
	EndpointResponse disable(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
		return EndpointResponse.of(this.webhooks.disable(client.producerAccountId(), id));
	}

	@DeleteMapping(ENDPOINTS + "/{id}")
	@Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "No such endpoint of this producer")
	ResponseEntity<Void> delete(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
		this.webhooks.delete(client.producerAccountId(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(ENDPOINTS + "/{id}/rotate-secret")
	@Operation(operationId = "rotateWebhookSecret", summary = "Rotate an endpoint's signing secret",
			description = "The new secret is shown only now; the old one keeps signing for 24 hours "
					+ "(both signatures are sent).")
	@ApiResponse(responseCode = "200", description = "The endpoint with its new secret")
	@ApiResponse(responseCode = "404", description = "No such endpoint of this producer")
	EndpointWithSecret rotate(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
		return EndpointWithSecret.of(this.webhooks.rotateSecret(client.producerAccountId(), id));
	}

	@PostMapping(ENDPOINTS + "/{id}/test")
	@Operation(operationId = "sendWebhookTest", summary = "Send a test event",
			description = "A sample body of the event's shape, signed like any other, logged as a test.")
	@ApiResponse(responseCode = "202", description = "Queued")
	@ApiResponse(responseCode = "400", description = "Unknown event")
	@ApiResponse(responseCode = "404", description = "No such endpoint of this producer")
	ResponseEntity<DeliveryResponse> test(@AuthenticationPrincipal ApiClient client, @PathVariable long id,
			@RequestBody(required = false) TestRequest request) {
		WebhookEvent event = (request == null || request.event() == null) ? WebhookEvent.PURCHASE_APPROVED
				: WebhookApiJson.event(request.event(), "event");
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(DeliveryResponse.of(this.webhooks.sendTest(client.producerAccountId(), id, event)));
	}

	@PostMapping(ENDPOINTS + "/{id}/replay")
	@Operation(operationId = "replayWebhooks", summary = "Replay failed deliveries since a date",
			description = "Every FAILED delivery of the endpoint made since then is sent again, with its own id. "
					+ "Enable the endpoint first.")
	@ApiResponse(responseCode = "202", description = "Scheduled")
	@ApiResponse(responseCode = "400", description = "No since")
	@ApiResponse(responseCode = "404", description = "No such endpoint of this producer")
	ResponseEntity<Scheduled> replay(@AuthenticationPrincipal ApiClient client, @PathVariable long id,
			@RequestBody ReplayRequest request) {
		if (request == null || request.since() == null) {
			throw new WebhookRefused(WebhookRefused.Reason.INVALID, "since", "since is required.");
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new Scheduled(this.webhooks.replay(client.producerAccountId(), id, request.since())));
	}

	@GetMapping("/api/v1/webhooks/hottok")
	@Operation(operationId = "getWebhookHottok", summary = "Get the hottok",
			description = "The value of X-HOTMART-HOTTOK on every webhook; made on first use.")
	@ApiResponse(responseCode = "200", description = "The hottok")
	HottokResponse hottok(@AuthenticationPrincipal ApiClient client) {
		return new HottokResponse(this.webhooks.hottok(client.producerAccountId()));
	}

	@PostMapping("/api/v1/webhooks/hottok/regenerate")
	@Operation(operationId = "regenerateWebhookHottok", summary = "Regenerate the hottok",
			description = "Every webhook from now on carries the new one.")
	@ApiResponse(responseCode = "200", description = "The new hottok")
	HottokResponse regenerateHottok(@AuthenticationPrincipal ApiClient client) {
		return new HottokResponse(this.webhooks.regenerateHottok(client.producerAccountId()));
	}

	@GetMapping("/api/v1/webhooks/deliveries")
	@Operation(operationId = "listWebhookDeliveries", summary = "The delivery log",
			description = "Newest first; kept 60 days.")
	@ApiResponse(responseCode = "200", description = "One page")
	@ApiResponse(responseCode = "400", description = "Unknown event or status")
	CursorPage<DeliveryResponse> deliveries(@AuthenticationPrincipal ApiClient client,
			@Parameter(description = "Only this endpoint's") @RequestParam(name = "endpoint_id",
					required = false) Long endpointId,
			@Parameter(description = "Only this event's") @RequestParam(required = false) String event,
			@Parameter(description = "PENDING, DELIVERED or FAILED") @RequestParam(required = false) String status,
			@Parameter(description = "Only those about this transaction") @RequestParam(
					required = false) String transaction,
			@Parameter(description = "Items per page, 1 to 500") @RequestParam(required = false) Integer limit,
			@Parameter(description = "The next_cursor of the previous page") @RequestParam(
					required = false) String cursor) {
		PageQuery query = PageQuery.of(limit, cursor);
		DeliveryFilter filter = new DeliveryFilter(endpointId,
				(event != null && !event.isBlank()) ? WebhookApiJson.event(event, "event") : null, status(status),
				(transaction != null && !transaction.isBlank()) ? transaction.strip() : null);
		return query
			.page(this.webhooks.deliveries(client.producerAccountId(), filter, query.after(), query.fetchSize()),
					(d) -> d.id())
			.map(DeliveryResponse::of);
	}

	private static DeliveryStatus status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return DeliveryStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new WebhookRefused(WebhookRefused.Reason.INVALID, "status", "Unknown status " + status + ".");
		}
	}

	@GetMapping("/api/v1/webhooks/deliveries/{id}")
	@Operation(operationId = "getWebhookDelivery", summary = "A delivery with its body and attempts")
	@ApiResponse(responseCode = "200", description = "The delivery")
	@ApiResponse(responseCode = "404", description = "No such delivery of this producer")
	DeliveryDetail delivery(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
		long producer = client.producerAccountId();
		return DeliveryDetail.of(this.webhooks.delivery(producer, id), this.webhooks.attempts(producer, id));
	}

	@PostMapping("/api/v1/webhooks/deliveries/resend")
	@Operation(operationId = "resendWebhookDeliveries", summary = "Resend deliveries",
			description = "Each is sent again with its own id, from the start of the retry schedule.")
	@ApiResponse(responseCode = "202", description = "Scheduled (ids of other producers are ignored)")
	@ApiResponse(responseCode = "400", description = "No ids, or more than 500")
	ResponseEntity<Scheduled> resend(@AuthenticationPrincipal ApiClient client, @RequestBody ResendRequest request) {
		if (request == null || request.deliveryIds() == null || request.deliveryIds().isEmpty()
				|| request.deliveryIds().size() > PageQuery.MAX_LIMIT) {
			throw new WebhookRefused(WebhookRefused.Reason.INVALID, "delivery_ids",
					"Give 1 to " + PageQuery.MAX_LIMIT + " delivery ids.");
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new Scheduled(this.webhooks.resend(client.producerAccountId(), request.deliveryIds())));
	}

	@PostMapping("/api/v1/webhooks/deliveries/{id}/resend")
	@Operation(operationId = "resendWebhookDelivery", summary = "Resend one delivery")
	@ApiResponse(responseCode = "202", description = "Scheduled")
	@ApiResponse(responseCode = "404", description = "No such delivery of this producer")
	ResponseEntity<Scheduled> resendOne(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
		this.webhooks.delivery(client.producerAccountId(), id);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new Scheduled(this.webhooks.resend(client.producerAccountId(), List.of(id))));
	}

	@ExceptionHandler(WebhookRefused.class)
	ResponseEntity<Object> refused(WebhookRefused ex, HttpServletRequest request) {
		List<ApiErrors.FieldProblem> errors = (ex.field() != null)
				? List.of(new ApiErrors.FieldProblem(ex.field(), ex.getMessage())) : null;
		return switch (ex.reason()) {
			case NOT_FOUND -> ApiErrors.problemResponse(HttpStatus.NOT_FOUND, "not_found", ex.getMessage(),
					request.getRequestURI(), null);
			case INVALID -> ApiErrors.problemResponse(HttpStatus.BAD_REQUEST, "invalid_parameter", ex.getMessage(),
					request.getRequestURI(), errors);
			case ADDRESS_NOT_ALLOWED -> ApiErrors.problemResponse(HttpStatus.BAD_REQUEST, "address_not_allowed",
					ex.getMessage(), request.getRequestURI(), errors);
			case TOO_MANY_ENDPOINTS -> ApiErrors.problemResponse(HttpStatus.CONFLICT, "too_many_endpoints",
					ex.getMessage(), request.getRequestURI(), null);
		};
	}

}
