package io.atrium.club;

/**
 * What a content page holds besides its text.
 */
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
