package io.atrium.club.content;

import org.springframework.modulith.NamedInterface;

/**
 * A content page of a module.
 *
 * @param id the internal id
 * @param publicId the 10-character id the APIs show ({@code page_id})
 * @param moduleId the module's internal id
 * @param productId the product
 * @param name the title
 * @param kind what it holds
 * @param body the text (plain text, paragraphs separated by blank lines)
 * @param mediaUrl the video or link address; null for text and file pages
 * @param position its place in the module, from 1
 * @param published whether students can see it (its module must be published too)
 * @param passwordProtected whether students must type a password once per session
 * @param fileName the uploaded file's name for a file page, null when none was uploaded
 */
@NamedInterface("content")
public record ClubPage(long id, String publicId, long moduleId, long productId, String name, PageKind kind, String body,
		String mediaUrl, int position, boolean published, boolean passwordProtected, String fileName) {

	/**
	 * @return whether the page's video, file or link is present (always true for text)
	 */
	public boolean mediaAvailable() {
		return switch (this.kind) {
			case TEXT -> true;
			case VIDEO, LINK -> this.mediaUrl != null && !this.mediaUrl.isBlank();
			case FILE -> this.fileName != null;
		};
	}

}
