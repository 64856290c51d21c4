package io.atrium.club.web.producer;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * On the producer's members-area pages: another producer's product, group, module, page
 * or comment (or none) answers the 404 page; a refusal no form shows next to its field
 * answers 400 with its message and a way back. Nothing changed in either case.
 */
@ControllerAdvice(assignableTypes = { ProducerAreaController.class, ProducerContentController.class,
		ProducerPagesController.class, ProducerGroupsController.class, ProducerRulesController.class,
		ProducerCommentsController.class, ModuleRulesGridController.class, QuestionsController.class,
		CommentHelpersController.class })
class ProducerClubAdvice {

	private static final Pattern PRODUCT_CLUB = Pattern.compile("^(/business/products/\\d+/club(/groups|/rules)?)");

	private final ProducerClubPages pages;

	ProducerClubAdvice(ProducerClubPages pages) {
		this.pages = pages;
	}

	@ExceptionHandler(ClubNotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	@ExceptionHandler(ClubRefused.class)
	String refused(ClubRefused ex, HttpServletRequest request, HttpServletResponse response, Model model,
			Locale locale) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("message", this.pages.refusal(ex, locale));
		Matcher matcher = PRODUCT_CLUB.matcher(request.getRequestURI());
		model.addAttribute("back", matcher.find() ? matcher.group(1) : "/business/club");
		return "club/producer/refused";
	}

}
