package io.atrium.catalog;

/**
 * A producer created a product. Published inside the creating transaction; the members
 * area creates the product's default group from it.
 *
 * @param productId the new product's id
 * @param producerAccountId its producer
 * @param format what it is
 * @param deliveryKind where buyers get access
 */
public record ProductCreated(long productId, long producerAccountId, ProductFormat format, DeliveryKind deliveryKind) {

}
