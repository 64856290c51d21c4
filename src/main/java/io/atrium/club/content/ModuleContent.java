package io.atrium.club.content;

import java.util.List;

/**
 * A module with its pages, in order.
 *
 * @param module the module
 * @param pages its pages
 */
public record ModuleContent(ClubModule module, List<ClubPage> pages) {
}
