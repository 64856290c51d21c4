package io.atrium.club.content;

import org.springframework.modulith.NamedInterface;

/**
 * What a content page holds besides its text.
 */
@NamedInterface("content")
public enum PageKind {

	/** Only text. */
	TEXT,

	/** An embedded video (its address). */
	VIDEO,

	/** A file to download. */
	FILE,

	/** A link to somewhere else. */
	LINK

}
