package io.atrium.api.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

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

}
