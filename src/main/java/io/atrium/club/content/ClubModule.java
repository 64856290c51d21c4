package io.atrium.club.content;

import org.springframework.modulith.NamedInterface;

/**
 * A module of a product: an ordered list of pages.
 *
 * @param id the internal id
 * @param publicId the 10-character id the APIs show ({@code module_id})
 * @param productId the product
 * @param name the name
 * @param position its place among the product's modules, from 1
 * @param extra whether it is an extra module (shown after the main ones)
 * @param published whether students can see it
 */
@NamedInterface("content")
public record ClubModule(long id, String publicId, long productId, String name, int position, boolean extra,
		boolean published) {
}
