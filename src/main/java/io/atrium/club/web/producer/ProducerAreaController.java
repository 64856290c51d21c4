package io.atrium.club.web.producer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.ProductFilter;
import io.atrium.catalog.Products;
import io.atrium.club.ClubRefused;
import io.atrium.club.content.ClubArea;
import io.atrium.club.content.ClubAreas;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The producer's members-area settings ({@code /business/club}): its address and name,
 * and the products delivered in it.
 */
@Controller
@RequestMapping("/business/club")
class ProducerAreaController {

	private final ClubAreas areas;

	private final Products products;

	private final ProducerClubPages pages;

	ProducerAreaController(ClubAreas areas, Products products, ProducerClubPages pages) {
		this.areas = areas;
		this.products = products;
		this.pages = pages;
	}

	/**
	 * The settings form as typed: the address's shape and the name's length are checked
	 * by Bean Validation, whether the address is free by the domain.
	 */
	record AreaForm(@SubdomainText String subdomain, @NameText(message = "{club.error.area-name.invalid}",
			tooLong = "{club.error.area-name.invalid}") String name) {
	}

	/** A product delivered in the members area. */
	record ProductLine(long id, String name) {
	}

	@GetMapping
	String show(@AuthenticationPrincipal SignedInAccount me, Model model) {
		ClubArea area = this.areas.ensure(ProducerClubPages.producer(me));
		model.addAttribute("form", new AreaForm(area.subdomain(), area.name()));
		return page(me, area, model, Map.of());
	}

	@PostMapping
	String change(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("form") AreaForm form,
			BindingResult binding, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			// one message, the address first, as the domain reports them
			Map<String, String> errors = this.pages.errors(binding, locale);
			String field = errors.containsKey("subdomain") ? "subdomain" : "name";
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(me, this.areas.ensure(ProducerClubPages.producer(me)), model, Map.of(field, errors.get(field)));
		}
		try {
			this.areas.change(ProducerClubPages.producer(me), form.subdomain(), form.name());
			redirect.addFlashAttribute("notice", "club.producer.area.saved");
			return "redirect:/business/club";
		}
		catch (ClubRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(me, this.areas.of(ProducerClubPages.producer(me)), model, this.pages.errors(ex, locale));
		}
	}

	private String page(SignedInAccount me, ClubArea area, Model model, Map<String, String> errors) {
		List<ProductLine> clubProducts = this.products
			.list(ProducerClubPages.producer(me), ProductFilter.NONE, null, 0, 1000)
			.stream()
			.filter((p) -> p.details().delivery().kind() == DeliveryKind.MEMBERS_AREA)
			.map((p) -> new ProductLine(p.id(), p.details().name()))
			.toList();
		model.addAttribute("area", area);
		model.addAttribute("products", clubProducts);
		model.addAttribute("errors", errors);
		return "club/producer/area";
	}

}
