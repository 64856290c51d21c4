/**
 * Developer API: producers' API credentials, the Hotmart-compatible OAuth token endpoint
 * ({@code POST /security/oauth/token}), bearer-token authentication and per-credential
 * rate limiting of every API path, and the conventions of Atrium's own {@code /api/v1}
 * (problem details, cursor pagination, idempotency keys, OpenAPI).
 * <p>
 * Other modules serve API endpoints by annotating their controllers with
 * {@link io.atrium.api.AtriumApiController} ({@code /api/v1}) or
 * {@link io.atrium.api.CompatibleApiController} (the Hotmart-compatible paths), taking
 * the caller as {@code @AuthenticationPrincipal ApiClient client}, throwing
 * {@link io.atrium.api.ApiException}, paginating with {@link io.atrium.api.PageQuery} /
 * {@link io.atrium.api.CursorPage} and creating through
 * {@link io.atrium.api.IdempotentRequests}. See docs/api.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Developer API")
package io.atrium.api;
