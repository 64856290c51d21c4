package io.atrium.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.atrium.catalog.internal.OfferRows;
import io.atrium.catalog.internal.ProductRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offers of a producer's products: create (the first becomes the main offer), change,
 * make main. Scoped to one producer like {@link Products}.
 */
@Service
public class Offers {

	private static final Logger log = LoggerFactory.getLogger(Offers.class);

	private final Products products;

	private final ProductRows productRows;

	private final OfferRows rows;

	private final Clock clock;

	private final ObjectProvider<ClubGroupDirectory> groups;

	Offers(Products products, ProductRows productRows, OfferRows rows, Clock clock,
			ObjectProvider<ClubGroupDirectory> groups) {
		this.products = products;
		this.productRows = productRows;
		this.rows = rows;
		this.clock = clock;
		this.groups = groups;
	}

	/**
	 * Creates an offer with a new random code; the product's first offer becomes its main
	 * offer.
	 * @param producerAccountId the owner
	 * @param productId the product
	 * @param details the terms (see {@link OfferDetails} for the rules)
	 * @return the offer
	 * @throws CatalogNotFound when the producer has no such product
	 * @throws InvalidCatalogInput listing every broken rule; nothing is saved
	 */
	@Transactional
	public Offer create(long producerAccountId, long productId, OfferDetails details) {
		this.products.own(producerAccountId, productId);
		OfferDetails clean = checkGroup(productId, CatalogRules.offer(details));
		this.productRows.lock(productId);
		Instant now = this.clock.instant();
		String code = newCode();
		long id = this.rows.insert(producerAccountId, productId, code, clean, now);
		Long currentMain = this.productRows.find(productId).orElseThrow().mainOfferId();
		long main = MainOffer.afterAdding(currentMain, id);
		if (currentMain == null) {
			this.productRows.setMainOffer(productId, main, now);
		}
		log.info("Offer {} ({}) created for product {}", id, code, productId);
		return this.rows.find(id).orElseThrow();
	}

	/**
	 * Changes an offer's terms; its code stays.
	 * @param producerAccountId the owner
	 * @param productId the product
	 * @param offerId the offer
	 * @param details the new terms
	 * @return the offer as saved
	 * @throws CatalogNotFound when the producer has no such product or offer
	 * @throws InvalidCatalogInput listing every broken rule; nothing is saved
	 */
	@Transactional
	public Offer update(long producerAccountId, long productId, long offerId, OfferDetails details) {
		Offer offer = own(producerAccountId, productId, offerId);
		OfferDetails clean = checkGroup(productId, CatalogRules.offer(details));
		this.rows.update(offerId, clean, this.clock.instant());
		return this.rows.find(offerId).orElseThrow();
	}

	/**
	 * Makes an offer the product's main offer; the previous main offer stops being main
	 * in the same transaction. Making the main offer main again changes nothing.
	 * @param producerAccountId the owner
	 * @param productId the product
	 * @param offerId the offer
	 * @return the offer, now main
	 * @throws CatalogNotFound when the producer has no such product or offer
	 */
	@Transactional
	public Offer makeMain(long producerAccountId, long productId, long offerId) {
		Offer offer = own(producerAccountId, productId, offerId);
		this.productRows.lock(productId);
		Long previous = this.productRows.find(productId).orElseThrow().mainOfferId();
		long main = MainOffer.afterChoosing(this.rows.ofProduct(productId).stream().map(Offer::id).toList(), offerId);
		if (previous != null && previous == main) {
			return offer;
		}
		this.productRows.setMainOffer(productId, main, this.clock.instant());
		return this.rows.find(offerId).orElseThrow();
	}

	/**
	 * Checks terms without saving anything, for forms that found problems of their own
	 * and want to show every problem at once.
	 * @param details the terms
	 * @return the broken rules, empty when there are none
	 */
	public List<InvalidCatalogInput.Violation> problems(OfferDetails details) {
		try {
			CatalogRules.offer(details);
			return List.of();
		}
		catch (InvalidCatalogInput ex) {
			return ex.violations();
		}
	}

	/**
	 * @param producerAccountId the owner
	 * @param productId the product
	 * @return its offers, oldest first
	 * @throws CatalogNotFound when the producer has no such product
	 */
	@Transactional(readOnly = true)
	public List<Offer> offersOf(long producerAccountId, long productId) {
		this.products.own(producerAccountId, productId);
		return this.rows.ofProduct(productId);
	}

	/**
	 * @param producerAccountId a producer
	 * @return whether any of the producer's products has an offer (one query)
	 */
	@Transactional(readOnly = true)
	public boolean anyOffer(long producerAccountId) {
		return this.rows.anyOfProducer(producerAccountId);
	}

	/**
	 * @param producerAccountId the producer asking
	 * @param productId the product
	 * @param offerId the offer
	 * @return the offer when it is of that product of the producer
	 */
	@Transactional(readOnly = true)
	public Optional<Offer> find(long producerAccountId, long productId, long offerId) {
		return this.products.find(producerAccountId, productId)
			.flatMap((p) -> this.rows.find(offerId))
			.filter((o) -> o.productId() == productId);
	}

	/**
	 * Links an offer to a members-area group of its product (buyers through the offer
	 * join it), or unlinks it. Changes nothing else of the offer. The members area checks
	 * its own rules (one group per offer) before calling this.
	 * @param producerAccountId the owner
	 * @param productId the product
	 * @param offerId the offer
	 * @param groupId the group, or null for the product's default group
	 * @return the offer as saved
	 * @throws CatalogNotFound when the producer has no such product or offer
	 * @throws InvalidCatalogInput when the group is not one of the product's groups
	 */
	@Transactional
	public Offer linkClubGroup(long producerAccountId, long productId, long offerId, Long groupId) {
		Offer offer = own(producerAccountId, productId, offerId);
		OfferDetails d = offer.details();
		OfferDetails linked = checkGroup(productId,
				new OfferDetails(d.name(), d.price(), d.paymentMode(), d.plan(), groupId, d.maxInstallments()));
		this.rows.update(offerId, linked, this.clock.instant());
		return this.rows.find(offerId).orElseThrow();
	}

	private OfferDetails checkGroup(long productId, OfferDetails clean) {
		Long group = clean.clubGroupId();
		ClubGroupDirectory directory = this.groups.getIfAvailable();
		if (group != null && directory != null && !directory.isGroupOf(productId, group)) {
			throw new InvalidCatalogInput(List.of(new InvalidCatalogInput.Violation("clubGroupId", "club-group.unknown",
					"The product has no members-area group " + group + ".", List.of(group))));
		}
		return clean;
	}

	private Offer own(long producerAccountId, long productId, long offerId) {
		this.products.own(producerAccountId, productId);
		return find(producerAccountId, productId, offerId)
			.orElseThrow(() -> new CatalogNotFound("No offer " + offerId + " in product " + productId + "."));
	}

	private String newCode() {
		for (int attempt = 0; attempt < 10; attempt++) {
			String code = OfferCodes.next();
			if (!this.rows.codeExists(code)) {
				return code;
			}
		}
		throw new IllegalStateException("No free offer code after 10 attempts");
	}

}
