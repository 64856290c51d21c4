package io.atrium.media.web;

import java.time.Duration;

import io.atrium.media.MediaFiles;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves image variants at {@code /media/<key>/<variant>.<ext>}, to anyone: the address
 * never changes (a new upload gets a new key), so it is cached for a year
 * ({@code immutable}) and answered 304 when the browser already has it. Lesson images are
 * {@code private} (no shared cache keeps them) and not indexed; their keys are 128 random
 * bits (docs/media.md).
 */
@Controller
class MediaController {

	static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private static final CacheControl PRIVATE_FOREVER = CacheControl.maxAge(Duration.ofDays(365))
		.cachePrivate()
		.immutable();

	private final MediaFiles files;

	MediaController(MediaFiles files) {
		this.files = files;
	}

	@GetMapping("/media/{key:[0-9a-f]{32}}/{variant:[a-z0-9-]{1,20}}.{extension:[a-z]{3,4}}")
	ResponseEntity<byte[]> variant(@PathVariable String key, @PathVariable String variant,
			@PathVariable String extension, WebRequest request) {
		MediaFiles.MediaFile file = this.files.find(key, variant, extension).orElse(null);
		if (file == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		CacheControl cache = file.restricted() ? PRIVATE_FOREVER : FOREVER;
		if (request.checkNotModified(file.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(cache).eTag(file.etag()).build();
		}
		byte[] bytes = this.files.bytes(file).orElse(null);
		if (bytes == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(cache)
			.eTag(file.etag())
			.header("X-Content-Type-Options", "nosniff");
		if (file.restricted()) {
			ok.header("X-Robots-Tag", "noindex");
		}
		return ok.header(HttpHeaders.CONTENT_DISPOSITION, "inline").body(bytes);
	}

}
