package io.atrium.club.web.producer;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.SignedInAccount;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.PageDetails;
import io.atrium.club.content.PageKind;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of a product's modules: add and edit (name, kind, text, address,
 * publication), the page password, the file of a file page, order and delete (after a
 * confirmation page).
 */
@Controller
@RequestMapping("/business/products/{productId}/club")
class ProducerPagesController {

	private final ClubContent content;

	private final ProducerClubPages pages;

	ProducerPagesController(ClubContent content, ProducerClubPages pages) {
		this.content = content;
		this.pages = pages;
	}

	/** The page form as typed. */
	record PageForm(@NameText String name, String kind, String body, String mediaUrl, Boolean published) {

		PageDetails details() {
			PageKind pageKind = null;
			try {
				pageKind = (this.kind != null && !this.kind.isBlank()) ? PageKind.valueOf(this.kind) : null;
			}
			catch (IllegalArgumentException ex) {
				pageKind = null;
			}
			return new PageDetails(this.name, pageKind, this.body, this.mediaUrl, Boolean.TRUE.equals(this.published));
		}

	}

	@GetMapping("/modules/{moduleId}/pages/new")
	String newPage(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long moduleId, Model model) {
		ClubModule module = module(me, productId, moduleId);
		model.addAttribute("form", new PageForm("", PageKind.TEXT.name(), "", "", true));
		return form(me, productId, module, null, model, Map.of());
	}

	@PostMapping("/modules/{moduleId}/pages")
	String create(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long moduleId, @Valid @ModelAttribute("form") PageForm form, BindingResult binding,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		ClubModule module = module(me, productId, moduleId);
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(me, productId, module, null, model, this.pages.errors(binding, locale));
		}
		try {
			ClubPage page = this.content.addPage(ProducerClubPages.producer(me), moduleId, form.details());
			ProducerContentController.notice(redirect, "club.producer.page.created", page.name());
			return (page.kind() == PageKind.FILE) ? editPath(productId, page.id())
					: ProducerContentController.back(productId);
		}
		catch (ClubRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(me, productId, module, null, model, this.pages.errors(ex, locale));
		}
	}

	@GetMapping("/pages/{pageId}/edit")
	String edit(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long pageId,
			Model model) {
		ClubPage page = page(me, productId, pageId);
		model.addAttribute("form", new PageForm(page.name(), page.kind().name(), page.body(),
				(page.mediaUrl() != null) ? page.mediaUrl() : "", page.published()));
		return form(me, productId, module(me, productId, page.moduleId()), page, model, Map.of());
	}

	@PostMapping("/pages/{pageId}")
	String change(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long pageId,
			@Valid @ModelAttribute("form") PageForm form, BindingResult binding, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		ClubPage page = page(me, productId, pageId);
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(me, productId, module(me, productId, page.moduleId()), page, model,
					this.pages.errors(binding, locale));
		}
		try {
			ClubPage saved = this.content.changePage(ProducerClubPages.producer(me), pageId, form.details());
			ProducerContentController.notice(redirect, "club.producer.page.saved", saved.name());
			return ProducerContentController.back(productId);
		}
		catch (ClubRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(me, productId, module(me, productId, page.moduleId()), page, model,
					this.pages.errors(ex, locale));
		}
	}

	@PostMapping("/pages/{pageId}/password")
	String password(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long pageId, @RequestParam(required = false) String password,
			@RequestParam(required = false) String remove, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		ClubPage page = page(me, productId, pageId);
		boolean removing = remove != null;
		if (!removing && (password == null || password.isBlank())) {
			return sideFormError(me, productId, page, model, response, "password",
					this.pages.message("club.producer.page.password.required", locale));
		}
		try {
			this.content.setPassword(ProducerClubPages.producer(me), pageId, removing ? null : password);
			ProducerContentController.notice(redirect,
					removing ? "club.producer.page.password.removed" : "club.producer.page.password.set.done",
					page.name());
			return editPath(productId, pageId);
		}
		catch (ClubRefused ex) {
			return sideFormError(me, productId, page, model, response, "password", this.pages.refusal(ex, locale));
		}
	}

	@PostMapping("/pages/{pageId}/file")
	String file(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long pageId,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		ClubPage page = page(me, productId, pageId);
		try {
			byte[] bytes = (file != null) ? file.getBytes() : null;
			this.content.putFile(ProducerClubPages.producer(me), pageId,
					(file != null) ? file.getOriginalFilename() : null, (file != null) ? file.getContentType() : null,
					bytes);
			ProducerContentController.notice(redirect, "club.producer.page.file.saved", page.name());
			return editPath(productId, pageId);
		}
		catch (ClubRefused ex) {
			return sideFormError(me, productId, page, model, response, "file", this.pages.refusal(ex, locale));
		}
	}

	@PostMapping("/pages/{pageId}/move")
	String move(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long pageId,
			@RequestParam int step) {
		page(me, productId, pageId);
		this.content.movePage(ProducerClubPages.producer(me), pageId, step);
		return ProducerContentController.back(productId);
	}

	@GetMapping("/pages/{pageId}/delete")
	String confirmDelete(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long pageId, Model model) {
		ClubPage page = page(me, productId, pageId);
		model.addAttribute("product", this.pages.product(me, productId));
		model.addAttribute("page", page);
		return "club/producer/page-delete";
	}

	@PostMapping("/pages/{pageId}/delete")
	String delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long pageId,
			RedirectAttributes redirect) {
		ClubPage page = page(me, productId, pageId);
		this.content.deletePage(ProducerClubPages.producer(me), pageId);
		ProducerContentController.notice(redirect, "club.producer.page.deleted", page.name());
		return ProducerContentController.back(productId);
	}

	private String sideFormError(SignedInAccount me, long productId, ClubPage page, Model model,
			HttpServletResponse response, String field, String message) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("form", new PageForm(page.name(), page.kind().name(), page.body(),
				(page.mediaUrl() != null) ? page.mediaUrl() : "", page.published()));
		return form(me, productId, module(me, productId, page.moduleId()), page, model, Map.of(field, message));
	}

	private ClubModule module(SignedInAccount me, long productId, long moduleId) {
		ClubModule module = this.content.module(ProducerClubPages.producer(me), moduleId);
		if (module.productId() != productId) {
			throw new ClubNotFound("No module " + moduleId + " in product " + productId + ".");
		}
		return module;
	}

	private ClubPage page(SignedInAccount me, long productId, long pageId) {
		ClubPage page = this.content.page(ProducerClubPages.producer(me), pageId);
		if (page.productId() != productId) {
			throw new ClubNotFound("No page " + pageId + " in product " + productId + ".");
		}
		return page;
	}

	private String form(SignedInAccount me, long productId, ClubModule module, ClubPage page, Model model,
			Map<String, String> errors) {
		model.addAttribute("product", this.pages.product(me, productId));
		model.addAttribute("module", module);
		model.addAttribute("page", page);
		model.addAttribute("kinds", PageKind.values());
		model.addAttribute("errors", errors);
		model.addAttribute("maxFileMb", ClubContent.MAX_FILE_BYTES / (1024 * 1024));
		return "club/producer/page-form";
	}

	private static String editPath(long productId, long pageId) {
		return "redirect:/business/products/" + productId + "/club/pages/" + pageId + "/edit";
	}

}
