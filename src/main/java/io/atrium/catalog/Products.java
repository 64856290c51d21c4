package io.atrium.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.atrium.catalog.internal.ProductRows;
import io.atrium.media.ImagePurpose;
import io.atrium.media.ImageRefused;
import io.atrium.media.Images;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A producer's products: create, change, list, and their images (stored by the media
 * module as {@link ImagePurpose#PRODUCT_COVER}). Every method is scoped to one producer:
 * another producer's product is answered as absent ({@link CatalogNotFound} or empty).
 */
@Service
public class Products {

	private static final Logger log = LoggerFactory.getLogger(Products.class);

	private final ProductRows rows;

	private final ObjectProvider<ClubGroupDirectory> club;

	private final Clock clock;

	private final Images images;

	Products(ProductRows rows, ObjectProvider<ClubGroupDirectory> club, Clock clock, Images images) {
		this.rows = rows;
		this.club = club;
		this.clock = clock;
		this.images = images;
	}

	/**
	 * Creates a product with a new numeric id and ucode. A product delivered in the
	 * members area gets its default group there in the same transaction
	 * ({@link ClubGroupDirectory#productCreated}).
	 * @param producerAccountId the owner
	 * @param details what the producer stated (see {@link ProductDetails} for the rules)
	 * @param image an image to upload, or {@link ImageChange#keep()} for none
	 * @return the product
	 * @throws InvalidCatalogInput listing every broken rule; nothing is saved
	 */
	@Transactional
	public Product create(long producerAccountId, ProductDetails details, ImageChange image) {
		ProductDetails clean = valid(details, image);
		Instant now = this.clock.instant();
		long id = this.rows.insert(producerAccountId, UUID.randomUUID(), clean, now);
		applyImage(producerAccountId, id, image);
		if (clean.delivery().kind() == DeliveryKind.MEMBERS_AREA) {
			this.club.ifAvailable((directory) -> directory.productCreated(id, producerAccountId));
		}
		log.info("Product {} created by producer {}", id, producerAccountId);
		return this.rows.find(id).orElseThrow();
	}

	/**
	 * Changes every field of one of the producer's products.
	 * @param producerAccountId the owner
	 * @param productId the product
	 * @param details the new values
	 * @param image what to do with the image
	 * @return the product as saved
	 * @throws CatalogNotFound when the producer has no such product
	 * @throws InvalidCatalogInput listing every broken rule; nothing is saved
	 */
	@Transactional
	public Product update(long producerAccountId, long productId, ProductDetails details, ImageChange image) {
		own(producerAccountId, productId);
		ProductDetails clean = valid(details, image);
		Instant now = this.clock.instant();
		this.rows.update(productId, clean, now);
		applyImage(producerAccountId, productId, image);
		return this.rows.find(productId).orElseThrow();
	}

	/**
	 * Checks a product's details and image without saving anything, for forms that found
	 * problems of their own and want to show every problem at once.
	 * @param details what the producer stated
	 * @param image the image change
	 * @return the broken rules, empty when there are none
	 */
	public List<InvalidCatalogInput.Violation> problems(ProductDetails details, ImageChange image) {
		try {
			valid(details, image);
			return List.of();
		}
		catch (InvalidCatalogInput ex) {
			return ex.violations();
		}
	}

	/**
	 * @param producerAccountId the producer asking
	 * @param productId a product id
	 * @return the product when it is the producer's own
	 */
	@Transactional(readOnly = true)
	public Optional<Product> find(long producerAccountId, long productId) {
		return this.rows.find(productId).filter((p) -> p.producerAccountId() == producerAccountId);
	}

	/**
	 * @param producerAccountId the producer asking
	 * @param ucode a product's UUID
	 * @return the product when it is the producer's own
	 */
	@Transactional(readOnly = true)
	public Optional<Product> findByUcode(long producerAccountId, UUID ucode) {
		return this.rows.findByUcode(ucode).filter((p) -> p.producerAccountId() == producerAccountId);
	}

	/**
	 * @param producerAccountId the owner
	 * @return the product
	 * @throws CatalogNotFound when the producer has no such product
	 */
	@Transactional(readOnly = true)
	public Product own(long producerAccountId, long productId) {
		return find(producerAccountId, productId)
			.orElseThrow(() -> new CatalogNotFound("No product " + productId + "."));
	}

	/**
	 * Lists a producer's products by id.
	 * @param producerAccountId the owner
	 * @param filter which products
	 * @param afterId only ids above this one, or null
	 * @param offset how many to skip
	 * @param limit how many at most
	 * @return the products
	 */
	@Transactional(readOnly = true)
	public List<Product> list(long producerAccountId, ProductFilter filter, Long afterId, int offset, int limit) {
		return this.rows.list(producerAccountId, filter, afterId, offset, limit);
	}

	/**
	 * @param ucode a product's UUID
	 * @return its image's reference in the media module, of any producer (images are
	 * public)
	 */
	@Transactional(readOnly = true)
	public Optional<String> imageRef(UUID ucode) {
		return this.rows.imageRef(ucode);
	}

	private ProductDetails valid(ProductDetails details, ImageChange image) {
		Violations imageProblems = new Violations();
		if (image.bytes() != null) {
			this.images.check(ImagePurpose.PRODUCT_COVER, image.bytes())
				.ifPresent((refused) -> imageProblems.list.add(violation(refused)));
		}
		try {
			ProductDetails clean = CatalogRules.product(details);
			imageProblems.throwIfAny();
			return clean;
		}
		catch (InvalidCatalogInput ex) {
			List<InvalidCatalogInput.Violation> all = new ArrayList<>(ex.violations());
			all.addAll(imageProblems.list());
			throw new InvalidCatalogInput(all);
		}
	}

	private void applyImage(long producerAccountId, long productId, ImageChange image) {
		if (image.bytes() == null && !image.remove()) {
			return;
		}
		String previous = this.rows.find(productId).map(Product::imageRef).orElse(null);
		String replacement = null;
		if (image.bytes() != null) {
			try {
				replacement = this.images.store(producerAccountId, ImagePurpose.PRODUCT_COVER, image.bytes()).ref();
			}
			catch (ImageRefused ex) {
				throw new InvalidCatalogInput(List.of(violation(ex)));
			}
		}
		this.rows.saveImageRef(productId, replacement);
		this.images.delete(producerAccountId, previous);
	}

	/**
	 * The catalog's own texts for the two refusals it always had, the media's for the
	 * rest.
	 */
	private static InvalidCatalogInput.Violation violation(ImageRefused refused) {
		String code = switch (refused.reason()) {
			case TYPE -> "image.type";
			case TOO_LARGE -> "image.too-large";
			default -> refused.messageKey();
		};
		return new InvalidCatalogInput.Violation("image", code, refused.getMessage(), refused.args());
	}

}
