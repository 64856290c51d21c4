package io.atrium.media.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.SignedInAccount;
import io.atrium.media.ImagePurpose;
import io.atrium.media.ImageRefused;
import io.atrium.media.Images;
import io.atrium.media.StoredImage;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads an image for a lesson's text ({@code POST /business/media/lesson-images}, from
 * the lesson editor's "Insert image"): answers {@code {"url": ...}} for the editor to
 * insert as Markdown, or 422 with {@code {"message": ...}} in the producer's language.
 */
@RestController
class LessonImageController {

	private final Images images;

	private final MessageSource messages;

	LessonImageController(Images images, MessageSource messages) {
		this.images = images;
		this.messages = messages;
	}

	@PostMapping("/business/media/lesson-images")
	ResponseEntity<Map<String, String>> upload(@AuthenticationPrincipal SignedInAccount me,
			@RequestParam(name = "image", required = false) MultipartFile image, Locale locale) throws IOException {
		byte[] bytes = (image != null) ? image.getBytes() : new byte[0];
		try {
			StoredImage stored = this.images.store(me.accountId().value(), ImagePurpose.LESSON_IMAGE, bytes);
			return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("url", stored.url(Images.LESSON)));
		}
		catch (ImageRefused ex) {
			return ResponseEntity.unprocessableContent()
				.body(Map.of("message", this.messages.getMessage(ex.messageKey(), ex.args().toArray(), locale)));
		}
	}

}
