package io.atrium.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.api.ApiErrors;
import io.atrium.api.internal.AccessTokens;
import io.atrium.api.internal.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Hotmart-compatible token endpoint, {@code POST /security/oauth/token}
 * (hotmart-api.md §1): client credentials in, an opaque bearer token out.
 * <p>
 * A controller of our own rather than Spring Authorization Server: this contract puts
 * {@code grant_type}, {@code client_id} and {@code client_secret} in the POST query
 * string, accepts {@code Authorization: Basic} together with query credentials that must
 * agree (and a Basic value without its prefix), and answers a lowercase
 * {@code token_type} "bearer" with a {@code jti}, errors in Hotmart's body. The
 * authorization server rejects credentials in the query string and answers RFC 6749
 * errors by design, so adapting it would cost more than this class.
 * <p>
 * {@code grant_type} is read from the query, a form body or a JSON body. Errors: 400
 * {@code invalid_parameter} for a missing or unsupported grant type, 401
 * {@code unauthorized} "Invalid client credentials" for missing, malformed, wrong,
 * disagreeing or revoked credentials, 429 {@code too_many_requests} per client id (one
 * bucket for all the ids that name no credential).
 */
@RestController
class TokenController {

	static final String PATH = "/security/oauth/token";

	private static final int MAX_JSON_BODY = 8 * 1024;

	private final AccessTokens tokens;

	private final RateLimiter limiter;

	private final JsonMapper json;

	TokenController(AccessTokens tokens, RateLimiter limiter, JsonMapper json) {
		this.tokens = tokens;
		this.limiter = limiter;
		this.json = json;
	}

	/**
	 * The success body.
	 *
	 * @param accessToken the bearer token
	 * @param tokenType always "bearer"
	 * @param expiresIn seconds until it expires (172799)
	 * @param scope always "read write"
	 * @param jti the token's unique id
	 */
	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") long expiresIn, String scope, String jti) {

	}

	@PostMapping(PATH)
	ResponseEntity<?> token(HttpServletRequest request, HttpServletResponse response) {
		Map<String, String> jsonBody = jsonBody(request);
		String grantType = parameter(request, jsonBody, "grant_type");
		if (grantType == null || grantType.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, "invalid_parameter", "The grant_type parameter is required",
					"Send grant_type=client_credentials in the query string or the form body.");
		}
		if (!"client_credentials".equals(grantType.strip())) {
			return error(HttpStatus.BAD_REQUEST, "invalid_parameter", "Unsupported grant_type",
					"Only grant_type=client_credentials is supported.");
		}
		Optional<ClientCredentialsRequest.Presented> presented = ClientCredentialsRequest.read(
				request.getHeader(HttpHeaders.AUTHORIZATION), parameter(request, jsonBody, "client_id"),
				parameter(request, jsonBody, "client_secret"));
		if (presented.isEmpty()) {
			return invalidCredentials();
		}
		AccessTokens.Client client = this.tokens.client(presented.get().clientId());
		RateLimiter.Decision decision = this.limiter.tokenRequest(client.knownClientId());
		RateLimitFilter.writeHeaders(response, decision);
		if (!decision.allowed()) {
			String text = "Rate limit of " + decision.limit() + " token requests per minute exceeded; retry in "
					+ decision.retryAfterSeconds() + " s.";
			return error(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", text, text);
		}
		return this.tokens.issue(client, presented.get().clientSecret())
			.<ResponseEntity<?>>map((issued) -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.header(HttpHeaders.PRAGMA, "no-cache")
				.body(new TokenResponse(issued.accessToken(), "bearer", issued.expiresIn(), AccessTokens.SCOPE,
						issued.jti())))
			.orElseGet(this::invalidCredentials);
	}

	private ResponseEntity<?> invalidCredentials() {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"atrium\"")
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(ApiErrors.compatible("unauthorized", "Invalid client credentials",
					"The client id or secret is wrong or missing, or the credential was revoked."));
	}

	private static ResponseEntity<?> error(HttpStatus status, String error, String description, String message) {
		return ResponseEntity.status(status)
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(ApiErrors.compatible(error, description, message));
	}

	private static String parameter(HttpServletRequest request, Map<String, String> jsonBody, String name) {
		String value = request.getParameter(name);
		return (value != null) ? value : jsonBody.get(name);
	}

	/**
	 * The docs' own example sends {@code Content-Type: application/json} with no body;
	 * tolerate that, and a small JSON object carrying the parameters. Anything else in a
	 * JSON body is ignored.
	 */
	private Map<String, String> jsonBody(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null || !type.toLowerCase().contains("json") || request.getContentLengthLong() == 0) {
			return Map.of();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_JSON_BODY + 1);
			if (bytes.length == 0 || bytes.length > MAX_JSON_BODY) {
				return Map.of();
			}
			JsonNode node = this.json.readTree(bytes);
			if (node == null || !node.isObject()) {
				return Map.of();
			}
			Map<String, String> values = new java.util.HashMap<>();
			for (String name : new String[] { "grant_type", "client_id", "client_secret" }) {
				if (node.path(name).isString()) {
					values.put(name, node.path(name).asString());
				}
			}
			return values;
		}
		catch (IOException | JacksonException ex) {
			return Map.of();
		}
	}

}
