package io.atrium.club.groups;

import org.springframework.modulith.NamedInterface;

/**
 * A group of students of one product. Each product in the members area has exactly one
 * default group; a student is in exactly one group of a product.
 *
 * @param id the group's id
 * @param productId the product
 * @param name the name, unique within the product
 * @param isDefault whether buyers of offers linked to no group land here
 * @param students how many students are in it
 */
@NamedInterface("groups")
public record Group(long id, long productId, String name, boolean isDefault, int students) {
}
