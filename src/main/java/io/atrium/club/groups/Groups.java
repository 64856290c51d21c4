package io.atrium.club.groups;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.atrium.catalog.ClubGroupDirectory;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.content.ClubProducts;
import io.atrium.club.internal.AreaRows;
import io.atrium.club.internal.CommentRows;
import io.atrium.club.internal.EnrollmentRows;
import io.atrium.club.internal.GroupRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The groups of a producer's product and the offers linked to them, with exactly these
 * rules: one default group per product (created with the product, never deleted; making
 * another group default moves the flag); an offer is linked to at most one group, a group
 * to many offers; deleting a group moves its students (and their comments) to the default
 * group and unlinks its offers. Every method checks the producer owns the product.
 */
@NamedInterface("groups")
@Service
public class Groups implements ClubGroupDirectory {

	private static final Logger log = LoggerFactory.getLogger(Groups.class);

	/** The longest group name. */
	public static final int MAX_NAME = 60;

	private final ClubProducts products;

	private final AreaRows areas;

	private final GroupRows rows;

	private final EnrollmentRows enrollments;

	private final CommentRows comments;

	private final Offers offers;

	private final Clock clock;

	Groups(ClubProducts products, AreaRows areas, GroupRows rows, EnrollmentRows enrollments, CommentRows comments,
			Offers offers, Clock clock) {
		this.products = products;
		this.areas = areas;
		this.rows = rows;
		this.enrollments = enrollments;
		this.comments = comments;
		this.offers = offers;
		this.clock = clock;
	}

	/**
	 * Gives a new members-area product its row and default group, in the catalog's
	 * creating transaction.
	 */
	@Override
	@Transactional
	public void productCreated(long productId, long producerAccountId) {
		this.products.ensure(productId, producerAccountId);
	}

	/**
	 * @param producerAccountId the producer
	 * @param productId the product
	 * @return its groups, the default first
	 */
	@Transactional
	public List<Group> of(long producerAccountId, long productId) {
		this.products.own(producerAccountId, productId);
		return this.rows.ofProduct(productId);
	}

	/**
	 * @param producerAccountId the producer
	 * @param groupId a group
	 * @return the group
	 * @throws ClubNotFound when it is not a group of the producer's products
	 */
	@Transactional
	public Group find(long producerAccountId, long groupId) {
		Group group = this.rows.find(groupId).orElseThrow(() -> new ClubNotFound("No group " + groupId + "."));
		this.products.own(producerAccountId, group.productId());
		return group;
	}

	/**
	 * Creates a group.
	 * @param producerAccountId the producer
	 * @param productId the product
	 * @param name 1 to 60 characters, unique in the product (case aside)
	 * @param makeDefault whether it becomes the default group
	 * @return the group
	 * @throws ClubRefused when the name is empty, too long or taken
	 */
	@Transactional
	public Group create(long producerAccountId, long productId, String name, boolean makeDefault) {
		this.products.own(producerAccountId, productId);
		this.areas.lockProduct(productId);
		String clean = name(productId, name, -1);
		long id = this.rows.insert(productId, producerAccountId, clean, this.clock.instant());
		if (makeDefault) {
			this.areas.setDefaultGroup(productId, id);
		}
		log.info("Group {} created in product {}", id, productId);
		return this.rows.find(id).orElseThrow();
	}

	/**
	 * @param producerAccountId the producer
	 * @param groupId the group
	 * @param name the new name (same rules as {@link #create})
	 * @return the group as saved
	 */
	@Transactional
	public Group rename(long producerAccountId, long groupId, String name) {
		Group group = find(producerAccountId, groupId);
		this.areas.lockProduct(group.productId());
		this.rows.rename(groupId, name(group.productId(), name, groupId));
		return this.rows.find(groupId).orElseThrow();
	}

	/**
	 * Makes the group its product's default; the previous default stops being default.
	 * @param producerAccountId the producer
	 * @param groupId the group
	 * @return the group, now default
	 */
	@Transactional
	public Group makeDefault(long producerAccountId, long groupId) {
		Group group = find(producerAccountId, groupId);
		this.areas.lockProduct(group.productId());
		this.areas.setDefaultGroup(group.productId(), groupId);
		return this.rows.find(groupId).orElseThrow();
	}

	/**
	 * Deletes a group that is not the default: its students and their comments move to
	 * the default group (where they lose content only the deleted group had), its offers
	 * are unlinked (their buyers join the default group) and its rules are deleted.
	 * @param producerAccountId the producer
	 * @param groupId the group
	 * @return how many students moved to the default group
	 * @throws ClubRefused when it is the default group
	 */
	@Transactional
	public int delete(long producerAccountId, long groupId) {
		Group group = find(producerAccountId, groupId);
		long defaultGroup = this.areas.lockProduct(group.productId()).orElseThrow();
		if (defaultGroup == groupId) {
			throw new ClubRefused("groupId", "group.default-not-deletable",
					"The default group cannot be deleted; make another group the default first.");
		}
		for (Offer offer : this.offers.offersOf(producerAccountId, group.productId())) {
			if (Objects.equals(offer.details().clubGroupId(), groupId)) {
				this.offers.linkClubGroup(producerAccountId, group.productId(), offer.id(), null);
			}
		}
		Instant now = this.clock.instant();
		int moved = this.enrollments.moveAllOfGroup(groupId, defaultGroup, now);
		this.comments.moveGroup(groupId, defaultGroup);
		this.rows.delete(groupId);
		log.info("Group {} of product {} deleted; {} students moved to the default group", groupId, group.productId(),
				moved);
		return moved;
	}

	/**
	 * @param producerAccountId the producer
	 * @param groupId the group
	 * @return the offers linked to the group
	 */
	@Transactional(readOnly = true)
	public List<Offer> offersOf(long producerAccountId, long groupId) {
		Group group = find(producerAccountId, groupId);
		return this.offers.offersOf(producerAccountId, group.productId())
			.stream()
			.filter((o) -> Objects.equals(o.details().clubGroupId(), groupId))
			.toList();
	}

	/**
	 * Links an offer to the group: its buyers join the group from now on.
	 * @param producerAccountId the producer
	 * @param groupId the group
	 * @param offerId an offer of the same product
	 * @return the offer as saved
	 * @throws ClubRefused when the offer is already linked to another group (unlink it
	 * there first)
	 * @throws ClubNotFound when the offer is not one of the product's
	 */
	@Transactional
	public Offer linkOffer(long producerAccountId, long groupId, long offerId) {
		Group group = find(producerAccountId, groupId);
		Offer offer = this.offers.find(producerAccountId, group.productId(), offerId)
			.orElseThrow(() -> new ClubNotFound("No offer " + offerId + " in product " + group.productId() + "."));
		Long current = offer.details().clubGroupId();
		if (current != null && current != groupId) {
			String other = this.rows.find(current).map(Group::name).orElse(String.valueOf(current));
			throw new ClubRefused("offerId", "offer.linked-elsewhere",
					"Offer " + offer.code() + " is already linked to the group " + other + "; unlink it there first.",
					offer.code(), other);
		}
		return this.offers.linkClubGroup(producerAccountId, group.productId(), offerId, groupId);
	}

	/**
	 * Unlinks an offer from the group: its buyers join the default group from now on.
	 * @param producerAccountId the producer
	 * @param groupId the group
	 * @param offerId an offer linked to it
	 * @return the offer as saved
	 * @throws ClubRefused when the offer is not linked to this group
	 */
	@Transactional
	public Offer unlinkOffer(long producerAccountId, long groupId, long offerId) {
		Group group = find(producerAccountId, groupId);
		Offer offer = this.offers.find(producerAccountId, group.productId(), offerId)
			.orElseThrow(() -> new ClubNotFound("No offer " + offerId + " in product " + group.productId() + "."));
		if (!Objects.equals(offer.details().clubGroupId(), groupId)) {
			throw new ClubRefused("offerId", "offer.not-linked",
					"Offer " + offer.code() + " is not linked to the group " + group.name() + ".", offer.code(),
					group.name());
		}
		return this.offers.linkClubGroup(producerAccountId, group.productId(), offerId, null);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isGroupOf(long productId, long groupId) {
		return this.rows.find(groupId).filter((g) -> g.productId() == productId).isPresent();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ClubGroupDirectory.GroupChoice> groupsOf(long productId) {
		return this.rows.ofProduct(productId)
			.stream()
			.map((g) -> new ClubGroupDirectory.GroupChoice(g.id(), g.name(), g.isDefault()))
			.toList();
	}

	private String name(long productId, String name, long exceptId) {
		String clean = (name != null) ? name.strip() : "";
		if (clean.isEmpty()) {
			throw new ClubRefused("name", "group.name-required", "Enter the group's name.");
		}
		if (clean.length() > MAX_NAME) {
			throw new ClubRefused("name", "group.name-too-long", "A group name can have at most 60 characters.",
					MAX_NAME);
		}
		if (this.rows.nameTaken(productId, clean, exceptId)) {
			throw new ClubRefused("name", "group.name-taken", "The product already has a group named " + clean + ".",
					clean);
		}
		return clean;
	}

}
