package io.atrium.catalog;

import java.util.List;

/**
 * What the catalog asks of the members area: whether a group is a product's (for the
 * group an offer is linked to), and to prepare a new members-area product. The
 * members-area module implements it; the catalog only depends on this interface, so the
 * two modules do not depend on each other both ways.
 */
public interface ClubGroupDirectory {

	/**
	 * @param productId a product
	 * @param groupId a members-area group id
	 * @return whether the group is one of the product's groups
	 */
	boolean isGroupOf(long productId, long groupId);

	/**
	 * The groups an offer of the product can be linked to, for the offer form's choice by
	 * name (the caller checked the producer owns the product).
	 * @param productId a product
	 * @return its groups, the default first; empty when it has no members area
	 */
	default List<GroupChoice> groupsOf(long productId) {
		return List.of();
	}

	/**
	 * A members-area group as the offer form offers it.
	 *
	 * @param id the group's id (what offers store and the API accepts)
	 * @param name its name
	 * @param isDefault whether it is the product's default group
	 */
	record GroupChoice(long id, String name, boolean isDefault) {
	}

	/**
	 * A product delivered in the members area was created: the members area gives it its
	 * row and default group. Called inside the creating transaction, because a product
	 * and its default group are one use case (the producer's next step is to enrol or
	 * link offers to groups); it is not a reaction to money, and it writes nothing
	 * outside the database.
	 * @param productId the new product
	 * @param producerAccountId its producer
	 */
	void productCreated(long productId, long producerAccountId);

}
