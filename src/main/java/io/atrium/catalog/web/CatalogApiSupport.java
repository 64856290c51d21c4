package io.atrium.catalog.web;

import java.util.List;
import java.util.function.Supplier;

import io.atrium.api.ApiErrors;
import io.atrium.api.ApiException;
import io.atrium.catalog.CatalogNotFound;
import io.atrium.catalog.InvalidCatalogInput;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What the catalog's {@code /api/v1} controllers share: a broken catalog rule answers 400
 * {@code invalid_parameter} with one {@code errors} entry per field (snake_case names),
 * an unknown or foreign product, offer or coupon 404 {@code not_found}; both as problem
 * details like every other {@code /api/v1} error.
 */
abstract class CatalogApiSupport {

	@ExceptionHandler(InvalidCatalogInput.class)
	ResponseEntity<Object> invalid(InvalidCatalogInput ex, HttpServletRequest request) {
		List<ApiErrors.FieldProblem> errors = ex.violations()
			.stream()
			.map((v) -> new ApiErrors.FieldProblem(snake(v.field()), v.message()))
			.toList();
		return ApiErrors.problemResponse(HttpStatus.BAD_REQUEST, "invalid_parameter", "The request has invalid fields.",
				request.getRequestURI(), errors);
	}

	@ExceptionHandler(CatalogNotFound.class)
	ResponseEntity<Object> notFound(CatalogNotFound ex, HttpServletRequest request) {
		return ApiErrors.problemResponse(HttpStatus.NOT_FOUND, "not_found", ex.getMessage(), request.getRequestURI(),
				null);
	}

	/**
	 * One page of a short list held in memory (a product's offers or coupons), in id
	 * order.
	 */
	static <T> io.atrium.api.CursorPage<T> page(List<T> all, io.atrium.api.PageQuery query,
			java.util.function.ToLongFunction<T> id) {
		long after = (query.after() != null) ? query.after() : Long.MIN_VALUE;
		return query.page(all.stream().filter((t) -> id.applyAsLong(t) > after).limit(query.fetchSize()).toList(), id);
	}

	/**
	 * @return {@code supportEmail} as {@code support_email}
	 */
	static String snake(String field) {
		return field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * Runs catalog work for a Hotmart-compatible controller, turning catalog exceptions
	 * into {@link ApiException}s (answered with the Hotmart error body).
	 */
	static <T> T compatible(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (CatalogNotFound ex) {
			throw ApiException.notFound(ex.getMessage());
		}
		catch (InvalidCatalogInput ex) {
			throw ApiException.invalidParameter(String.join(" ",
					ex.violations().stream().map((v) -> snake(v.field()) + ": " + v.message()).toList()));
		}
	}

}
