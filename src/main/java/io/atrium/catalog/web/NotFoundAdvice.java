package io.atrium.catalog.web;

import java.io.IOException;

import io.atrium.catalog.CatalogNotFound;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Another producer's product, offer or coupon (or none) on a page: the 404 page, nothing
 * changed.
 */
@ControllerAdvice(
		assignableTypes = { ProductPagesController.class, OfferPagesController.class, CouponPagesController.class })
class NotFoundAdvice {

	@ExceptionHandler(CatalogNotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

}
