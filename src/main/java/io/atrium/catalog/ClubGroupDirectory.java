package io.atrium.catalog;

/**
 * What the catalog asks of the members area about the group an offer is linked to. The
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

}
