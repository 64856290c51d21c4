package io.atrium.club.access;

import java.util.List;
import java.util.Map;

import io.atrium.club.content.ModuleContent;
import io.atrium.club.groups.Group;

/**
 * The drip and expiration of every module and page for every group of a product, as the
 * producer edits them in one table.
 *
 * @param groups the product's groups, the default first
 * @param content the modules with their pages
 * @param cells per item ({@code M<id>} for a module, {@code P<id>} for a page), per group
 * id, the rule that applies
 */
public record RuleTable(List<Group> groups, List<ModuleContent> content, Map<String, Map<Long, Cell>> cells) {

	/**
	 * @param moduleId a module's internal id
	 * @param groupId a group
	 * @return the module's rule for the group
	 */
	public Cell module(long moduleId, long groupId) {
		return this.cells.get("M" + moduleId).get(groupId);
	}

	/**
	 * @param pageId a page's internal id
	 * @param groupId a group
	 * @return the page's rule for the group
	 */
	public Cell page(long pageId, long groupId) {
		return this.cells.get("P" + pageId).get(groupId);
	}

	/**
	 * One cell.
	 *
	 * @param rule the rule that applies
	 * @param own whether the item has its own rule (false: a page inheriting its module's
	 * rule, or content with the default rule)
	 */
	public record Cell(ContentRule rule, boolean own) {
	}

}
