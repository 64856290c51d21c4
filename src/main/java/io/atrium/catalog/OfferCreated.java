package io.atrium.catalog;

/**
 * A producer created an offer. Published inside the creating transaction.
 *
 * @param offerId the new offer's id
 * @param code its code
 * @param productId its product
 * @param producerAccountId the product's producer
 * @param main whether it became the product's main offer (the first offer does)
 */
public record OfferCreated(long offerId, String code, long productId, long producerAccountId, boolean main) {

}
