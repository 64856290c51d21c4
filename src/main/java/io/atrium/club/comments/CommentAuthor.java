package io.atrium.club.comments;

/**
 * Who wrote a comment, as the badge next to the name shows it.
 */
public enum CommentAuthor {

	/** A student of the product. */
	STUDENT,

	/** The producer who owns the product. */
	PRODUCER,

	/** A helper the producer named ("Team"). */
	TEAM

}
