package io.atrium.catalog.web;

import java.time.Duration;
import java.util.UUID;

import io.atrium.catalog.ProductImage;
import io.atrium.catalog.Products;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * Product images, public at {@code /catalog/products/{ucode}/image} (checkout and
 * members-area pages show them to anyone). The content type is the one recognised from
 * the file's bytes on upload.
 */
@Controller
class ProductImageController {

	static final String PATH = "/catalog/products/{ucode}/image";

	private final Products products;

	ProductImageController(Products products) {
		this.products = products;
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
		ProductImage image = this.products.image(id).orElse(null);
		if (image == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		String etag = "\"" + image.updatedAt().toEpochMilli() + "\"";
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.eTag(etag)
			.body(image.bytes());
	}

}
