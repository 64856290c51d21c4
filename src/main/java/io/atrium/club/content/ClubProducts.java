package io.atrium.club.content;

import java.time.Clock;
import java.time.Instant;

import io.atrium.catalog.Catalog;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.ProductSummary;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.internal.AreaRows;
import io.atrium.club.internal.GroupRows;

import org.springframework.stereotype.Component;

/**
 * Which products are in the members area, with their default group, and who owns them. A
 * product delivered in the members area gets its row and default group when it is created
 * (the catalog calls {@link io.atrium.club.groups.Groups#productCreated}), or the first
 * time the members area meets it.
 */
@Component
public class ClubProducts {

	static final String DEFAULT_GROUP_NAME = "Default";

	private final Catalog catalog;

	private final AreaRows areas;

	private final GroupRows groups;

	private final ClubAreas clubAreas;

	private final Clock clock;

	ClubProducts(Catalog catalog, AreaRows areas, GroupRows groups, ClubAreas clubAreas, Clock clock) {
		this.catalog = catalog;
		this.areas = areas;
		this.groups = groups;
		this.clubAreas = clubAreas;
		this.clock = clock;
	}

	/**
	 * Checks the producer owns the product and that it is delivered in the members area,
	 * creating its members-area row and default group when missing. Must run in a write
	 * transaction.
	 * @return the product
	 * @throws ClubNotFound when the producer has no such product
	 * @throws ClubRefused when the product is delivered in an external members area
	 */
	public ProductSummary own(long producerAccountId, long productId) {
		ProductSummary product = this.catalog.product(productId)
			.filter((p) -> p.producerAccountId() == producerAccountId)
			.orElseThrow(() -> new ClubNotFound("No product " + productId + "."));
		if (product.delivery().kind() != DeliveryKind.MEMBERS_AREA) {
			throw new ClubRefused("productId", "product.external",
					"Product " + productId + " is delivered in an external members area.", productId);
		}
		ensure(product.id(), product.producerAccountId());
		return product;
	}

	/**
	 * Makes sure the product has its members-area row, default group and the producer's
	 * area. Must run in a write transaction.
	 * @return the default group's id
	 */
	public long ensure(long productId, long producerAccountId) {
		this.clubAreas.ensure(producerAccountId);
		if (!this.areas.productExists(productId)) {
			Instant now = this.clock.instant();
			this.areas.insertProduct(productId, producerAccountId, now);
			long group = this.groups.insert(productId, producerAccountId, DEFAULT_GROUP_NAME, now);
			this.areas.setDefaultGroup(productId, group);
			return group;
		}
		return this.areas.defaultGroup(productId).orElseThrow();
	}

}
