package io.atrium.catalog.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.api.ApiClient;
import io.atrium.api.AtriumApiController;
import io.atrium.api.CursorPage;
import io.atrium.api.IdempotentRequests;
import io.atrium.api.PageQuery;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.ImageChange;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductDetails;
import io.atrium.catalog.ProductFilter;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.platform.BaseUrl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /api/v1/products}: the calling producer's products.
 */
@AtriumApiController
@Tag(name = "Products", description = "The calling producer's products")
class ProductsApiController extends CatalogApiSupport {

	private final Products products;

	private final IdempotentRequests idempotent;

	private final BaseUrl baseUrl;

	ProductsApiController(Products products, IdempotentRequests idempotent, BaseUrl baseUrl) {
		this.products = products;
		this.idempotent = idempotent;
		this.baseUrl = baseUrl;
	}

	@GetMapping("/api/v1/products")
	@Operation(operationId = "listProducts", summary = "List products", description = "Oldest first.")
	@ApiResponse(responseCode = "200", description = "One page")
	CursorPage<ProductResponse> list(@AuthenticationPrincipal ApiClient client,
			@Parameter(description = "Items per page, 1 to 500 (larger values are clamped)") @RequestParam(
					required = false) Integer limit,
			@Parameter(description = "The next_cursor of the previous page") @RequestParam(
					required = false) String cursor,
			@Parameter(description = "Only products with this status") @RequestParam(
					required = false) ProductStatus status,
			@Parameter(description = "Only products of this format") @RequestParam(
					required = false) ProductFormat format) {
		PageQuery page = PageQuery.of(limit, cursor);
		return page
			.page(this.products.list(client.producerAccountId(), new ProductFilter(null, status, format), page.after(),
					0, page.fetchSize()), Product::id)
			.map(this::response);
	}

	@GetMapping("/api/v1/products/{id}")
	@Operation(operationId = "getProduct", summary = "Get a product")
	@ApiResponse(responseCode = "200", description = "The product")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	ProductResponse get(@AuthenticationPrincipal ApiClient client, @PathVariable long id) {
		return response(this.products.own(client.producerAccountId(), id));
	}

	@PostMapping("/api/v1/products")
	@Operation(operationId = "createProduct", summary = "Create a product")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "400", description = "Invalid body, or missing Idempotency-Key")
	@ApiResponse(responseCode = "422", description = "Idempotency-Key already used with a different request")
	ResponseEntity<ProductResponse> create(@AuthenticationPrincipal ApiClient client,
			@Parameter(description = "A unique value per creation (for example a UUID); "
					+ "send the same value when retrying") @RequestHeader(name = IdempotentRequests.HEADER,
							required = false) String key,
			@Valid @RequestBody ProductRequest request) {
		return this.idempotent.create(client, key, request, ProductResponse.class, () -> {
			Product product = this.products.create(client.producerAccountId(), request.details(), ImageChange.keep());
			return ResponseEntity.created(URI.create("/api/v1/products/" + product.id())).body(response(product));
		});
	}

	@PatchMapping("/api/v1/products/{id}")
	@Operation(operationId = "updateProduct", summary = "Change a product",
			description = "Only the fields sent change; delivery, when sent, is replaced as a whole.")
	@ApiResponse(responseCode = "200", description = "The product as saved")
	@ApiResponse(responseCode = "400", description = "Invalid fields")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	ProductResponse update(@AuthenticationPrincipal ApiClient client, @PathVariable long id,
			@RequestBody ProductPatch patch) {
		Product current = this.products.own(client.producerAccountId(), id);
		return response(this.products.update(client.producerAccountId(), id, patch.applyTo(current.details()),
				ImageChange.keep()));
	}

	private ProductResponse response(Product p) {
		ProductDetails d = p.details();
		return new ProductResponse(p.id(), p.ucode(), d.name(), d.description(), d.supportEmail(), d.format(),
				d.status(), d.warrantyDays(), DeliveryJson.of(d.delivery()),
				p.hasImage() ? this.baseUrl.link(p.imagePath()) : null, p.offerCount(), p.mainOfferId(), p.createdAt(),
				p.updatedAt());
	}

	/**
	 * Where buyers get access.
	 */
	record DeliveryJson(@NotNull @Schema(description = "MEMBERS_AREA or EXTERNAL") DeliveryKind kind,
			@JsonProperty("external_url") @Schema(
					description = "EXTERNAL only: the http(s) address of the producer's members area") String externalUrl,
			@JsonProperty("access_instructions") @Schema(
					description = "EXTERNAL only: what buyers must do to get access") String accessInstructions) {

		static DeliveryJson of(Delivery d) {
			return new DeliveryJson(d.kind(), d.externalUrl(), d.accessInstructions());
		}

		Delivery delivery() {
			return new Delivery(this.kind, this.externalUrl, this.accessInstructions);
		}

	}

	/**
	 * A new product.
	 */
	record ProductRequest(
			@NotNull @Schema(description = "1 to 100 characters", example = "Fotografia do Zero") String name,
			@Schema(description = "Up to 5000 characters") String description,
			@JsonProperty("support_email") @NotNull @Schema(description = "Where buyers write for help",
					example = "help@example.com") String supportEmail,
			@NotNull ProductFormat format, @Schema(description = "Default DRAFT") ProductStatus status,
			@JsonProperty("warranty_days") @NotNull @Schema(description = "7, 15, 21 or 30",
					example = "7") Integer warrantyDays,
			@Schema(description = "Default: the members area") @Valid DeliveryJson delivery) {

		ProductDetails details() {
			return new ProductDetails(this.name, this.description, this.supportEmail, this.format,
					(this.status != null) ? this.status : ProductStatus.DRAFT,
					(this.warrantyDays != null) ? this.warrantyDays : 0,
					(this.delivery != null) ? this.delivery.delivery() : Delivery.membersArea());
		}

	}

	/**
	 * Changes to a product: absent or null fields stay as they are.
	 */
	record ProductPatch(String name, String description, @JsonProperty("support_email") String supportEmail,
			ProductFormat format, ProductStatus status, @JsonProperty("warranty_days") Integer warrantyDays,
			DeliveryJson delivery) {

		ProductDetails applyTo(ProductDetails d) {
			return new ProductDetails(or(this.name, d.name()), or(this.description, d.description()),
					or(this.supportEmail, d.supportEmail()), or(this.format, d.format()), or(this.status, d.status()),
					or(this.warrantyDays, d.warrantyDays()),
					(this.delivery != null) ? this.delivery.delivery() : d.delivery());
		}

		private static <T> T or(T value, T current) {
			return (value != null) ? value : current;
		}

	}

	/**
	 * A product.
	 */
	record ProductResponse(long id, UUID ucode, String name, String description,
			@JsonProperty("support_email") String supportEmail, ProductFormat format, ProductStatus status,
			@JsonProperty("warranty_days") int warrantyDays, DeliveryJson delivery,
			@JsonProperty("image_url") @Schema(
					description = "Public address of the image; null without one") String imageUrl,
			@JsonProperty("offer_count") int offerCount,
			@JsonProperty("main_offer_id") @Schema(
					description = "Null while the product has no offer") Long mainOfferId,
			@JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {

	}

}
