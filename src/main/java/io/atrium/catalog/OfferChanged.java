package io.atrium.catalog;

/**
 * An offer's terms changed, or it became or stopped being the main offer. Published
 * inside the changing transaction; read the new state with
 * {@link Catalog#offerForSale(String)}.
 *
 * @param offerId the offer's id
 * @param code its code
 * @param productId its product
 * @param producerAccountId the product's producer
 */
public record OfferChanged(long offerId, String code, long productId, long producerAccountId) {

}
