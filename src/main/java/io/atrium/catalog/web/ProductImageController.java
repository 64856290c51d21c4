package io.atrium.catalog.web;

import java.time.Duration;
import java.util.UUID;

import io.atrium.catalog.Products;
import io.atrium.media.Images;
import io.atrium.media.MediaFiles;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * Product images at their first address, {@code /catalog/products/{ucode}/image}, public
 * (checkout and members-area pages showed them to anyone, and links to them may be kept
 * elsewhere): the product's current 1200 × 675 cover, cached for five minutes since the
 * address stays while the image changes. Pages now use the media module's addresses
 * ({@code ProductSummary.coverUrl()}), which never change and are cached for a year.
 */
@Controller
class ProductImageController {

	static final String PATH = "/catalog/products/{ucode}/image";

	private final Products products;

	private final MediaFiles files;

	ProductImageController(Products products, MediaFiles files) {
		this.products = products;
		this.files = files;
	}

	@GetMapping(PATH)
	ResponseEntity<byte[]> image(@PathVariable String ucode, WebRequest request) {
		UUID id;
		try {
			id = UUID.fromString(ucode);
		}
		catch (IllegalArgumentException ex) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		String ref = this.products.imageRef(id).orElse(null);
		MediaFiles.MediaFile file = (ref == null) ? null
				: this.files.find(ref.substring(0, ref.indexOf('.')), Images.COVER, ref.substring(ref.indexOf('.') + 1))
					.orElse(null);
		if (file == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		if (request.checkNotModified(file.etag())) {
			return null;
		}
		byte[] bytes = this.files.bytes(file).orElse(null);
		if (bytes == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.eTag(file.etag())
			.body(bytes);
	}

}
