package io.atrium.club.groups;

import java.time.Instant;

/**
 * Which students of a product to list.
 *
 * @param query part of the name or e-mail address, any case; null or blank for all
 * @param groupId only this group, or null
 * @param status only this status, or null
 * @param startedFrom only students whose access started at or after this instant, or null
 * @param startedTo only students whose access started before this instant, or null
 */
public record StudentFilter(String query, Long groupId, StudentStatus status, Instant startedFrom, Instant startedTo) {

	/** Every student. */
	public static final StudentFilter ALL = new StudentFilter(null, null, null);

	/**
	 * A filter without a start range.
	 * @param query part of the name or e-mail address, or null
	 * @param groupId only this group, or null
	 * @param status only this status, or null
	 */
	public StudentFilter(String query, Long groupId, StudentStatus status) {
		this(query, groupId, status, null, null);
	}

}
