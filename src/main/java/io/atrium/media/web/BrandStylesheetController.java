package io.atrium.media.web;

import io.atrium.media.Brands;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * A producer's brand style sheet at {@code /media/brand/<producer>/<version>.css}: only
 * the current version exists, and it never changes, so it is cached for a year.
 */
@Controller
class BrandStylesheetController {

	private static final MediaType CSS = new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8);

	private final Brands brands;

	BrandStylesheetController(Brands brands) {
		this.brands = brands;
	}

	@GetMapping("/media/brand/{producer:[0-9]{1,18}}/{version:[0-9]{1,9}}.css")
	ResponseEntity<String> stylesheet(@PathVariable long producer, @PathVariable int version, WebRequest request) {
		String css = this.brands.stylesheet(producer, version).orElse(null);
		if (css == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		String etag = "\"brand-" + producer + "-" + version + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				.cacheControl(MediaController.FOREVER)
				.eTag(etag)
				.build();
		}
		return ResponseEntity.ok()
			.contentType(CSS)
			.cacheControl(MediaController.FOREVER)
			.eTag(etag)
			.header("X-Content-Type-Options", "nosniff")
			.body(css);
	}

}
