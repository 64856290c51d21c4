package io.atrium.club.web.producer;

import java.io.IOException;
import java.util.Locale;

import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors on the Users tab, the import and the "why" page: another producer's product,
 * student, page or import (or none) is the 404 page; a refused request is a page with the
 * reason (400). Nothing was changed either way.
 */
@ControllerAdvice(
		assignableTypes = { StudentsPageController.class, StudentImportPageController.class, WhyPageController.class,
				StudentPickerController.class, StudentPageController.class, StudentBulkController.class })
class StudentsPageErrors {

	private final StudentsPageSupport pages;

	StudentsPageErrors(StudentsPageSupport pages) {
		this.pages = pages;
	}

	@ExceptionHandler(ClubNotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	@ExceptionHandler(ClubRefused.class)
	String refused(ClubRefused refusal, Locale locale, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("message", this.pages.message(refusal, locale));
		return "club/users-refused";
	}

}
