package io.atrium.club.web.producer;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.atrium.accounts.SignedInAccount;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.PageAttachment;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The files a producer attaches to a page of any kind for students to download: attach
 * and remove, from the page's edit form (the list there is
 * {@code club/producer/attachments.html}, which reads {@link #list}).
 */
@Controller("clubPageAttachments")
@RequestMapping("/business/products/{productId}/club/pages/{pageId}/attachments")
class ProducerAttachmentsController {

	private final ClubContent content;

	private final ProducerClubPages pages;

	ProducerAttachmentsController(ClubContent content, ProducerClubPages pages) {
		this.content = content;
		this.pages = pages;
	}

	/**
	 * For the edit form: the attachments of a page the form already checked is the
	 * producer's.
	 */
	public List<PageAttachment> list(long producerAccountId, long pageId) {
		return this.content.attachments(producerAccountId, pageId);
	}

	@PostMapping
	String attach(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long pageId,
			@RequestParam(name = "file", required = false) MultipartFile file, Locale locale,
			RedirectAttributes redirect) throws IOException {
		page(me, productId, pageId);
		try {
			PageAttachment attached = this.content.attach(ProducerClubPages.producer(me), pageId,
					(file != null) ? file.getOriginalFilename() : null, (file != null) ? file.getContentType() : null,
					(file != null) ? file.getBytes() : null);
			ProducerContentController.notice(redirect, "player.producer.attachments.saved", attached.fileName());
		}
		catch (ClubRefused ex) {
			redirect.addFlashAttribute("attachmentError", this.pages.refusal(ex, locale));
		}
		return editPath(productId, pageId);
	}

	@PostMapping("/{attachmentId}/delete")
	String detach(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long pageId,
			@PathVariable long attachmentId, RedirectAttributes redirect) {
		page(me, productId, pageId);
		this.content.detach(ProducerClubPages.producer(me), pageId, attachmentId);
		ProducerContentController.notice(redirect, "player.producer.attachments.removed", null);
		return editPath(productId, pageId);
	}

	/**
	 * Another producer's page (or none) answers the 404 page, as on the other
	 * members-area pages; nothing changes.
	 */
	@ExceptionHandler(ClubNotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	private ClubPage page(SignedInAccount me, long productId, long pageId) {
		ClubPage page = this.content.page(ProducerClubPages.producer(me), pageId);
		if (page.productId() != productId) {
			throw new ClubNotFound("No page " + pageId + " in product " + productId + ".");
		}
		return page;
	}

	private static String editPath(long productId, long pageId) {
		return "redirect:/business/products/" + productId + "/club/pages/" + pageId + "/edit";
	}

}
