package io.atrium.club.comments;

/**
 * What a person is to the comments of one product.
 */
public enum Standing {

	/** A student enrolled in the product: their own group's visible threads only. */
	STUDENT,

	/** The producer who owns the product: everything. */
	PRODUCER,

	/** A helper the producer named for this product or for all their products. */
	TEAM,

	/** Anyone else: nothing. */
	OUTSIDER;

	/**
	 * @return whether this is the producer or one of their helpers
	 */
	public boolean isTeam() {
		return this == PRODUCER || this == TEAM;
	}

}
