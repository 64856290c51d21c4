package io.atrium.api.web;

import java.net.URI;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.api.ApiClient;
import io.atrium.api.ApiCredentials;
import io.atrium.api.ApiException;
import io.atrium.api.AtriumApiController;
import io.atrium.api.CreatedCredential;
import io.atrium.api.Credential;
import io.atrium.api.CursorPage;
import io.atrium.api.IdempotentRequests;
import io.atrium.api.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /api/v1/credentials}: the calling producer's own API credentials.
 */
@AtriumApiController
@Tag(name = "Credentials", description = "The calling producer's API credentials")
class CredentialsApiController {

	private final ApiCredentials credentials;

	private final IdempotentRequests idempotent;

	CredentialsApiController(ApiCredentials credentials, IdempotentRequests idempotent) {
		this.credentials = credentials;
		this.idempotent = idempotent;
	}

	@GetMapping("/api/v1/credentials")
	@Operation(operationId = "listCredentials", summary = "List credentials",
			description = "The caller's producer's credentials, newest first, revoked ones included.")
	@ApiResponse(responseCode = "200", description = "One page")
	@ApiResponse(responseCode = "400", description = "Invalid cursor")
	CursorPage<CredentialResponse> list(@AuthenticationPrincipal ApiClient client,
			@Parameter(description = "Items per page, 1 to 500 (larger values are clamped)") @RequestParam(
					required = false) Integer limit,
			@Parameter(description = "The next_cursor of the previous page") @RequestParam(
					required = false) String cursor) {
		return this.credentials.list(client.producerAccountId(), PageQuery.of(limit, cursor))
			.map(CredentialResponse::of);
	}

	@GetMapping("/api/v1/credentials/{id}")
	@Operation(operationId = "getCredential", summary = "Get a credential")
	@ApiResponse(responseCode = "200", description = "The credential")
	@ApiResponse(responseCode = "404", description = "No such credential of this producer")
	CredentialResponse get(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
		return this.credentials.find(client.producerAccountId(), id)
			.map(CredentialResponse::of)
			.orElseThrow(() -> notFound(id));
	}

	@PostMapping("/api/v1/credentials")
	@Operation(operationId = "createCredential", summary = "Create a credential",
			description = "Returns the client secret and basic token once; they cannot be read again.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "400", description = "Invalid body, or missing Idempotency-Key")
	@ApiResponse(responseCode = "422", description = "Idempotency-Key already used with a different request")
	ResponseEntity<CreatedCredentialResponse> create(@AuthenticationPrincipal ApiClient client,
			@Parameter(description = "A unique value per creation (for example a UUID); "
					+ "send the same value when retrying") @RequestHeader(IdempotentRequests.HEADER) String key,
			@Valid @RequestBody CreateCredentialRequest request) {
		return this.idempotent.create(client, key, request, CreatedCredentialResponse.class, () -> {
			CreatedCredential created = this.credentials.create(client.producerAccountId(), request.name());
			return ResponseEntity.created(URI.create("/api/v1/credentials/" + created.id()))
				.body(CreatedCredentialResponse.of(created));
		});
	}

	@DeleteMapping("/api/v1/credentials/{id}")
	@Operation(operationId = "revokeCredential", summary = "Revoke a credential",
			description = "Its tokens stop working at once. Revoking a revoked credential succeeds again.")
	@ApiResponse(responseCode = "204", description = "Revoked")
	@ApiResponse(responseCode = "404", description = "No such credential of this producer")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
		if (!this.credentials.revoke(client.producerAccountId(), id)) {
			throw notFound(id);
		}
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

	private static ApiException notFound(long id) {
		return ApiException.notFound("No credential " + id + ".");
	}

	/**
	 * Creates a credential.
	 *
	 * @param name a name to recognise it by
	 */
	record CreateCredentialRequest(@Schema(description = "A name to recognise the credential by",
			example = "Zapier") @NotBlank @Size(max = ApiCredentials.MAX_NAME_LENGTH) String name) {

	}

	/**
	 * A credential, without its secret.
	 */
	record CredentialResponse(long id, String name, @JsonProperty("client_id") String clientId,
			@Schema(description = "active or revoked") String status, @JsonProperty("created_at") Instant createdAt,
			@JsonProperty("last_used_at") @Schema(
					description = "Last token request or API call, to within a minute; null if never") Instant lastUsedAt,
			@JsonProperty("revoked_at") Instant revokedAt) {

		static CredentialResponse of(Credential c) {
			return new CredentialResponse(c.id(), c.name(), c.clientId(), c.active() ? "active" : "revoked",
					c.createdAt(), c.lastUsedAt(), c.revokedAt());
		}

	}

	/**
	 * A credential just created, with its secret, shown this once.
	 */
	record CreatedCredentialResponse(long id, String name, @JsonProperty("client_id") String clientId,
			@JsonProperty("client_secret") String clientSecret,
			@JsonProperty("basic_token") @Schema(description = "Base64 of client_id:client_secret") String basicToken,
			@JsonProperty("created_at") Instant createdAt) {

		static CreatedCredentialResponse of(CreatedCredential c) {
			return new CreatedCredentialResponse(c.id(), c.name(), c.clientId(), c.clientSecret(), c.basicToken(),
					c.createdAt());
		}

	}

}
