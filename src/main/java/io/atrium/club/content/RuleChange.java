package io.atrium.club.content;

import io.atrium.club.access.ContentRule;

/**
 * One cell of the module rules grid: the rule a group gets for the module or one of its
 * pages.
 *
 * @param groupId the group
 * @param page whether the item is a page (else the module)
 * @param itemId the module's or page's internal id
 * @param rule the rule; null for a page that follows its module
 */
public record RuleChange(long groupId, boolean page, long itemId, ContentRule rule) {

	/**
	 * @return the cell's key, {@code M<module id>:<group id>} or
	 * {@code P<page id>:<group id>}
	 */
	public String cell() {
		return cell(this.page, this.itemId, this.groupId);
	}

	/**
	 * @return the key of a cell
	 */
	public static String cell(boolean page, long itemId, long groupId) {
		return (page ? "P" : "M") + itemId + ":" + groupId;
	}

}
