package io.atrium.club.groups;

/**
 * Which students of a product to list.
 *
 * @param query part of the name or e-mail address, any case; null or blank for all
 * @param groupId only this group, or null
 * @param status only this status, or null
 */
public record StudentFilter(String query, Long groupId, StudentStatus status) {

	/** Every student. */
	public static final StudentFilter ALL = new StudentFilter(null, null, null);

}
