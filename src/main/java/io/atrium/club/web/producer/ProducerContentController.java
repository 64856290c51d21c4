package io.atrium.club.web.producer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.ProductSummary;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleContent;
import io.atrium.club.content.ModuleCovers;
import io.atrium.club.content.ModuleDetails;
import io.atrium.media.ImagePurpose;
import io.atrium.media.ImageRefused;
import io.atrium.media.Images;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Content tab of a product's members area ({@code /business/products/{id}/club}):
 * modules (main, then extra) with their pages, and the module forms, order and delete.
 */
@Controller
@RequestMapping("/business/products/{productId}/club")
class ProducerContentController {

	private final ClubContent content;

	private final ProducerClubPages pages;

	private final ModuleCovers covers;

	private final Images images;

	private final MessageSource messages;

	ProducerContentController(ClubContent content, ProducerClubPages pages, ModuleCovers covers, Images images,
			MessageSource messages) {
		this.content = content;
		this.pages = pages;
		this.covers = covers;
		this.images = images;
		this.messages = messages;
	}

	/** The module form as typed. */
	record ModuleForm(@NameText String name, Boolean extra, Boolean published) {

		ModuleDetails details() {
			return new ModuleDetails(this.name, Boolean.TRUE.equals(this.extra), Boolean.TRUE.equals(this.published));
		}

	}

	/** A module as the Content tab shows it. */
	record ModuleView(long id, String name, boolean extra, boolean published, boolean first, boolean last,
			List<PageView> pages) {
	}

	/** A page as the Content tab shows it. */
	record PageView(long id, String name, String kind, boolean published, boolean passwordProtected,
			boolean mediaAvailable, boolean first, boolean last) {
	}

	@GetMapping
	String show(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, Model model) {
		ProductSummary product = this.pages.product(me, productId);
		List<ModuleContent> tree = this.content.content(ProducerClubPages.producer(me), productId);
		List<ModuleView> modules = new ArrayList<>();
		for (ModuleContent mc : tree) {
			ClubModule m = mc.module();
			List<ModuleContent> sameKind = tree.stream().filter((o) -> o.module().extra() == m.extra()).toList();
			List<PageView> pageViews = new ArrayList<>();
			for (int i = 0; i < mc.pages().size(); i++) {
				ClubPage p = mc.pages().get(i);
				pageViews.add(new PageView(p.id(), p.name(), p.kind().name(), p.published(), p.passwordProtected(),
						p.mediaAvailable(), i == 0, i == mc.pages().size() - 1));
			}
			modules.add(new ModuleView(m.id(), m.name(), m.extra(), m.published(), sameKind.get(0) == mc,
					sameKind.get(sameKind.size() - 1) == mc, pageViews));
		}
		model.addAttribute("product", product);
		model.addAttribute("modules", modules);
		model.addAttribute("tab", "content");
		return "club/producer/content";
	}

	@GetMapping("/modules/new")
	String newModule(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, Model model) {
		this.content.content(ProducerClubPages.producer(me), productId);
		model.addAttribute("form", new ModuleForm("", false, true));
		return form(me, productId, null, model, Map.of());
	}

	@PostMapping("/modules")
	String create(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@Valid @ModelAttribute("form") ModuleForm form, BindingResult binding,
			@RequestParam(name = "cover", required = false) MultipartFile cover, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(me, productId, null, model, this.pages.errors(binding, locale));
		}
		Map<String, String> coverError = coverError(cover, locale);
		if (!coverError.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(me, productId, null, model, coverError);
		}
		try {
			ClubModule module = this.content.addModule(ProducerClubPages.producer(me), productId, form.details());
			if (cover != null && !cover.isEmpty()) {
				String refused = storeCover(me, productId, module, cover, model, locale, response);
				if (refused != null) {
					return refused;
				}
			}
			notice(redirect, "club.producer.module.created", module.name());
			return back(productId);
		}
		catch (ClubRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(me, productId, null, model, this.pages.errors(ex, locale));
		}
	}

	@GetMapping("/modules/{moduleId}/edit")
	String edit(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long moduleId,
			Model model) {
		ClubModule module = module(me, productId, moduleId);
		model.addAttribute("form", new ModuleForm(module.name(), module.extra(), module.published()));
		return form(me, productId, module, model, Map.of());
	}

	@PostMapping("/modules/{moduleId}")
	String change(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long moduleId, @Valid @ModelAttribute("form") ModuleForm form, BindingResult binding,
			@RequestParam(name = "cover", required = false) MultipartFile cover,
			@RequestParam(name = "removeCover", required = false) Boolean removeCover, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		ClubModule module = module(me, productId, moduleId);
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(me, productId, module, model, this.pages.errors(binding, locale));
		}
		Map<String, String> coverError = coverError(cover, locale);
		if (!coverError.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(me, productId, module, model, coverError);
		}
		try {
			ClubModule saved = this.content.changeModule(ProducerClubPages.producer(me), moduleId, form.details());
			if (cover != null && !cover.isEmpty()) {
				String refused = storeCover(me, productId, saved, cover, model, locale, response);
				if (refused != null) {
					return refused;
				}
			}
			else if (Boolean.TRUE.equals(removeCover)) {
				this.covers.removeCover(ProducerClubPages.producer(me), moduleId);
			}
			notice(redirect, "club.producer.module.saved", saved.name());
			return back(productId);
		}
		catch (ClubRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(me, productId, module, model, this.pages.errors(ex, locale));
		}
	}

	@PostMapping("/modules/{moduleId}/move")
	String move(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long moduleId,
			@RequestParam int step) {
		module(me, productId, moduleId);
		this.content.moveModule(ProducerClubPages.producer(me), moduleId, step);
		return back(productId);
	}

	@PostMapping("/modules/{moduleId}/delete")
	String delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long moduleId, RedirectAttributes redirect) {
		ClubModule module = module(me, productId, moduleId);
		this.content.deleteModule(ProducerClubPages.producer(me), moduleId);
		notice(redirect, "club.producer.module.deleted", module.name());
		return back(productId);
	}

	private ClubModule module(SignedInAccount me, long productId, long moduleId) {
		ClubModule module = this.content.module(ProducerClubPages.producer(me), moduleId);
		if (module.productId() != productId) {
			throw new ClubNotFound("No module " + moduleId + " in product " + productId + ".");
		}
		return module;
	}

	private String form(SignedInAccount me, long productId, ClubModule module, Model model,
			Map<String, String> errors) {
		model.addAttribute("product", this.pages.product(me, productId));
		model.addAttribute("module", module);
		model.addAttribute("errors", errors);
		return "club/producer/module-form";
	}

	/**
	 * An uploaded cover that the media module refuses (checked before anything is saved).
	 */
	private Map<String, String> coverError(MultipartFile cover, Locale locale) throws IOException {
		if (cover == null || cover.isEmpty()) {
			return Map.of();
		}
		return this.images.check(ImagePurpose.MODULE_COVER, cover.getBytes())
			.map((refused) -> Map.of("cover",
					this.messages.getMessage(refused.messageKey(), refused.args().toArray(), locale)))
			.orElse(Map.of());
	}

	/**
	 * Stores an uploaded cover; a picture that passed the check but cannot be decoded
	 * shows the module's form again with the reason (the module itself is saved).
	 */
	private String storeCover(SignedInAccount me, long productId, ClubModule module, MultipartFile cover, Model model,
			Locale locale, HttpServletResponse response) throws IOException {
		try {
			this.covers.setCover(ProducerClubPages.producer(me), module.id(), cover.getBytes());
			return null;
		}
		catch (ImageRefused ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("form", new ModuleForm(module.name(), module.extra(), module.published()));
			return form(me, productId, module, model,
					Map.of("cover", this.messages.getMessage(ex.messageKey(), ex.args().toArray(), locale)));
		}
	}

	static void notice(RedirectAttributes redirect, String key, Object arg) {
		redirect.addFlashAttribute("notice", key);
		redirect.addFlashAttribute("noticeArg", arg);
	}

	static String back(long productId) {
		return "redirect:/business/products/" + productId + "/club";
	}

}
