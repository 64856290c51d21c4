package io.atrium.api.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of Atrium's own API ({@code /v3/api-docs}, browsable at
 * {@code /api-docs}): every operation needs a bearer token from
 * {@code POST /security/oauth/token}. The server is relative, so the description is the
 * same wherever Atrium runs (and the snapshot test stays stable).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	static final String PROBLEM = "Problem";

	private static final Map<String, String> COMMON_ERRORS = Map.of("401",
			"No, invalid, expired or revoked access token (error: unauthorized, invalid_token, token_expired)", "429",
			"Rate limit exceeded (error: too_many_requests); see Retry-After", "default",
			"Any other error, as a problem detail");

	@Bean
	OpenAPI atriumOpenApi() {
		return new OpenAPI().info(new Info().title("Atrium API").version("v1").description("""
				Atrium's own REST API. JSON with snake_case names; dates are ISO 8601 UTC strings.
				Authenticate with `Authorization: Bearer <access_token>`; get a token with
				`POST /security/oauth/token?grant_type=client_credentials` and
				`Authorization: Basic <base64(client_id:client_secret)>` (credentials are created on the
				Credentials page). Errors are RFC 9457 problem details (`application/problem+json`).
				Lists are cursor-paginated: `limit` (default 50, at most 500) and `cursor` (the previous
				page's `next_cursor`, absent on the last page). Every POST that creates something requires an
				`Idempotency-Key` header. Each credential may make 500 calls per minute (configurable); every
				response carries `RateLimit-*` headers and 429 answers carry `Retry-After`."""))
			.servers(List.of(new Server().url("/")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("An access token from POST /security/oauth/token")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/**
	 * Documents the errors every operation can answer and gives every error response the
	 * problem-detail schema.
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			Content problem = new Content().addMediaType(
					org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
				ApiResponses responses = operation.getResponses();
				COMMON_ERRORS.forEach(
						(code, description) -> responses.putIfAbsent(code, new ApiResponse().description(description)));
				responses.forEach((code, response) -> {
					if (code.startsWith("4") || code.startsWith("5") || code.equals("default")) {
						response.setContent(problem);
					}
				});
			}));
		};
	}

	private static Schema<?> problemSchema() {
		Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema());
		return new ObjectSchema().description("An RFC 9457 problem detail")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().example("Not Found"))
			.addProperty("status", new IntegerSchema().example(404))
			.addProperty("detail", new StringSchema().example("No credential 12."))
			.addProperty("instance", new StringSchema().example("/api/v1/credentials/12"))
			.addProperty("error", new StringSchema().description("Machine-readable error code").example("not_found"))
			.addProperty("errors",
					new ArraySchema().items(fieldError).description("The invalid fields, on validation errors"));
	}

}
