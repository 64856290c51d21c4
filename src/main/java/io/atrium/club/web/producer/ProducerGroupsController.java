package io.atrium.club.web.producer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Groups tab of a product's members area: groups with their students and offers;
 * create, rename, make default, delete (after a confirmation page saying where the
 * students go), and linking offers to groups.
 */
@Controller
@RequestMapping("/business/products/{productId}/club/groups")
class ProducerGroupsController {

	private final Groups groups;

	private final Offers offers;

	private final ProducerClubPages pages;

	ProducerGroupsController(Groups groups, Offers offers, ProducerClubPages pages) {
		this.groups = groups;
		this.offers = offers;
		this.pages = pages;
	}

	/** An offer as a group shows it. */
	record OfferRef(long id, String name, String code) {
	}

	/** A group with its linked offers and the offers that can still be linked to it. */
	record GroupView(long id, String name, boolean isDefault, int students, List<OfferRef> offers,
			List<OfferRef> linkable) {
	}

	@GetMapping
	String show(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, Model model) {
		// a refusal redirected here (see confirmDelete) arrives as a flash attribute
		return page(me, productId, model, Map.of(), (String) model.getAttribute("error"), "");
	}

	/**
	 * The group form as typed: the name (required, at most {@link Groups#MAX_NAME}
	 * characters once stripped) and, when creating, whether it is the default group.
	 */
	record GroupForm(@NameText(max = Groups.MAX_NAME, message = "{club.error.group.name-required}",
			tooLong = "{club.error.group.name-too-long}") String name, Boolean isDefault) {
	}

	@PostMapping
	String create(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@Valid @ModelAttribute("form") GroupForm form, BindingResult binding, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		String name = form.name();
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(me, productId, model, this.pages.errors(binding, locale), null, name);
		}
		try {
			Group group = this.groups.create(ProducerClubPages.producer(me), productId, name,
					Boolean.TRUE.equals(form.isDefault()));
			notice(redirect, "club.producer.group.created", group.name());
			return back(productId);
		}
		catch (ClubRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(me, productId, model, this.pages.errors(ex, locale), null, name);
		}
	}

	@GetMapping("/{groupId}/edit")
	String edit(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long groupId,
			Model model) {
		Group group = group(me, productId, groupId);
		return renameForm(me, productId, group, group.name(), model, Map.of());
	}

	@PostMapping("/{groupId}")
	String rename(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long groupId,
			@Valid @ModelAttribute("form") GroupForm form, BindingResult binding, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Group group = group(me, productId, groupId);
		String name = form.name();
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return renameForm(me, productId, group, name, model, this.pages.errors(binding, locale));
		}
		try {
			Group saved = this.groups.rename(ProducerClubPages.producer(me), groupId, name);
			notice(redirect, "club.producer.group.renamed", saved.name());
			return back(productId);
		}
		catch (ClubRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return renameForm(me, productId, group, name, model, this.pages.errors(ex, locale));
		}
	}

	@PostMapping("/{groupId}/default")
	String makeDefault(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long groupId, RedirectAttributes redirect) {
		group(me, productId, groupId);
		Group group = this.groups.makeDefault(ProducerClubPages.producer(me), groupId);
		notice(redirect, "club.producer.group.made-default", group.name());
		return back(productId);
	}

	@GetMapping("/{groupId}/delete")
	String confirmDelete(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long groupId, Model model, Locale locale, RedirectAttributes redirect) {
		Group group = group(me, productId, groupId);
		if (group.isDefault()) {
			// the Groups tab offers no delete for it; a typed or stale address gets the
			// why
			redirect.addFlashAttribute("error", this.pages.message("club.error.group.default-not-deletable", locale));
			return back(productId);
		}
		Group defaultGroup = this.groups.of(ProducerClubPages.producer(me), productId)
			.stream()
			.filter(Group::isDefault)
			.findFirst()
			.orElseThrow();
		model.addAttribute("product", this.pages.product(me, productId));
		model.addAttribute("group", group);
		model.addAttribute("defaultGroup", defaultGroup);
		return "club/producer/group-delete";
	}

	@PostMapping("/{groupId}/delete")
	String delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long groupId,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Group group = group(me, productId, groupId);
		try {
			int moved = this.groups.delete(ProducerClubPages.producer(me), groupId);
			redirect.addFlashAttribute("notice", "club.producer.group.deleted");
			redirect.addFlashAttribute("noticeArg", group.name());
			redirect.addFlashAttribute("noticeCount", moved);
			return back(productId);
		}
		catch (ClubRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(me, productId, model, Map.of(), this.pages.refusal(ex, locale), "");
		}
	}

	@PostMapping("/{groupId}/offers")
	String link(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long groupId,
			@RequestParam(required = false) Long offerId, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		Group group = group(me, productId, groupId);
		if (offerId == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(me, productId, model, Map.of(),
					this.pages.message("club.producer.group.offer.required", locale), "");
		}
		try {
			Offer offer = this.groups.linkOffer(ProducerClubPages.producer(me), groupId, offerId);
			redirect.addFlashAttribute("notice", "club.producer.group.offer.linked");
			redirect.addFlashAttribute("noticeArg", offer.details().name());
			redirect.addFlashAttribute("noticeArg2", group.name());
			return back(productId);
		}
		catch (ClubRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(me, productId, model, Map.of(), this.pages.refusal(ex, locale), "");
		}
	}

	@PostMapping("/{groupId}/offers/{offerId}/unlink")
	String unlink(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long groupId,
			@PathVariable long offerId, RedirectAttributes redirect) {
		Group group = group(me, productId, groupId);
		Offer offer = this.groups.unlinkOffer(ProducerClubPages.producer(me), groupId, offerId);
		redirect.addFlashAttribute("notice", "club.producer.group.offer.unlinked");
		redirect.addFlashAttribute("noticeArg", offer.details().name());
		redirect.addFlashAttribute("noticeArg2", group.name());
		return back(productId);
	}

	private Group group(SignedInAccount me, long productId, long groupId) {
		Group group = this.groups.find(ProducerClubPages.producer(me), groupId);
		if (group.productId() != productId) {
			throw new ClubNotFound("No group " + groupId + " in product " + productId + ".");
		}
		return group;
	}

	private String page(SignedInAccount me, long productId, Model model, Map<String, String> errors, String error,
			String typedName) {
		long producer = ProducerClubPages.producer(me);
		model.addAttribute("product", this.pages.product(me, productId));
		List<Group> all = this.groups.of(producer, productId);
		List<Offer> productOffers = this.offers.offersOf(producer, productId);
		List<GroupView> views = all.stream()
			.map((g) -> new GroupView(g.id(), g.name(), g.isDefault(), g.students(),
					productOffers.stream()
						.filter((o) -> Objects.equals(o.details().clubGroupId(), g.id()))
						.map(ProducerGroupsController::ref)
						.toList(),
					productOffers.stream()
						.filter((o) -> !Objects.equals(o.details().clubGroupId(), g.id()))
						.map(ProducerGroupsController::ref)
						.toList()))
			.toList();
		model.addAttribute("groups", views);
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		model.addAttribute("typedName", (typedName != null) ? typedName : "");
		model.addAttribute("maxName", Groups.MAX_NAME);
		model.addAttribute("tab", "groups");
		return "club/producer/groups";
	}

	private String renameForm(SignedInAccount me, long productId, Group group, String typedName, Model model,
			Map<String, String> errors) {
		model.addAttribute("product", this.pages.product(me, productId));
		model.addAttribute("group", group);
		model.addAttribute("typedName", typedName);
		model.addAttribute("errors", errors);
		model.addAttribute("maxName", Groups.MAX_NAME);
		return "club/producer/group-form";
	}

	private static OfferRef ref(Offer offer) {
		return new OfferRef(offer.id(), offer.details().name(), offer.code());
	}

	private static void notice(RedirectAttributes redirect, String key, Object arg) {
		ProducerContentController.notice(redirect, key, arg);
	}

	private static String back(long productId) {
		return "redirect:/business/products/" + productId + "/club/groups";
	}

}
