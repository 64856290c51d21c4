package io.atrium.club.web.api;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.atrium.api.ApiErrors;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What the club's {@code /api/v1} controllers share: a broken members-area rule
 * ({@link ClubRefused}) answers a problem detail whose {@code error} is the rule's code
 * ({@code group.default-not-deletable}, {@code offer.linked-elsewhere}...), 409 when the
 * request conflicts with the current state and 400 when the input is wrong; an unknown or
 * foreign product, group, module, page or student ({@link ClubNotFound}) 404
 * {@code not_found}. Nothing was changed in either case.
 */
abstract class ClubApiSupport {

	/**
	 * Codes that say the request conflicts with the current state, not that it is
	 * malformed.
	 */
	static final Set<String> CONFLICTS = Set.of("group.default-not-deletable", "offer.linked-elsewhere",
			"offer.not-linked", "group.name-taken", "module.not-empty", "product.external");

	@ExceptionHandler(ClubRefused.class)
	ResponseEntity<Object> refused(ClubRefused ex, HttpServletRequest request) {
		HttpStatus status = CONFLICTS.contains(ex.code()) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
		List<ApiErrors.FieldProblem> errors = (ex.field() != null)
				? List.of(new ApiErrors.FieldProblem(snake(ex.field()), ex.getMessage())) : null;
		return ApiErrors.problemResponse(status, ex.code(), ex.getMessage(), request.getRequestURI(), errors);
	}

	@ExceptionHandler(ClubNotFound.class)
	ResponseEntity<Object> notFound(ClubNotFound ex, HttpServletRequest request) {
		return ApiErrors.problemResponse(HttpStatus.NOT_FOUND, "not_found", ex.getMessage(), request.getRequestURI(),
				null);
	}

	/**
	 * @return {@code groupId} as {@code group_id}
	 */
	static String snake(String field) {
		return field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}
