package io.atrium.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atrium.webhooks.*} (docs/webhooks.md#settings).
 *
 * @param allowPrivateAddresses whether URLs may point at private, loopback, link-local or
 * metadata addresses (local development and tests only)
 * @param allowHttp whether plain {@code http://} URLs are accepted (development only)
 * @param connectTimeout how long a connection to a receiver may take
 * @param readTimeout how long a receiver may take to answer, once connected
 * @param claimMargin added to both timeouts to make a delivery's claim: no other instance
 * takes a delivery while it is claimed
 * @param pollInterval how often the dispatcher looks for due deliveries
 * @param workers how many deliveries one instance posts at once
 * @param perEndpoint how many deliveries of one endpoint are posted at once, across
 * instances
 * @param responseBytes how much of a receiver's answer is read and kept in the log
 * @param disableAfter an endpoint whose every attempt failed for this long is disabled
 * and its producer e-mailed
 * @param previousSecretValidity how long the secret before a rotation still signs
 * @param abandonedCartAfter how long a checkout stays unpaid before it counts as an
 * abandoned cart ({@code PURCHASE_OUT_OF_SHOPPING_CART})
 * @param abandonedCartScanEvery how often abandoned checkouts are looked for
 * @param abandonedCartLookback how far back, before {@code abandonedCartAfter}, each scan
 * looks
 * @param keepLog how long deliveries and their attempts are kept
 * @param maxEndpoints how many endpoints one producer may have
 * @param secretKey base64 of at least 32 random bytes sealing the signing secrets and
 * hottoks in the database; empty: a key generated once and kept in the database
 */
@ConfigurationProperties("atrium.webhooks")
public record WebhookSettings(@DefaultValue("false") boolean allowPrivateAddresses,
		@DefaultValue("false") boolean allowHttp, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("15s") Duration readTimeout, @DefaultValue("30s") Duration claimMargin,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("16") int workers, @DefaultValue("4") int perEndpoint,
		@DefaultValue("4096") int responseBytes, @DefaultValue("5d") Duration disableAfter,
		@DefaultValue("24h") Duration previousSecretValidity, @DefaultValue("1h") Duration abandonedCartAfter,
		@DefaultValue("5m") Duration abandonedCartScanEvery, @DefaultValue("1d") Duration abandonedCartLookback,
		@DefaultValue("60d") Duration keepLog, @DefaultValue("20") int maxEndpoints,
		@DefaultValue("") String secretKey) {

	/**
	 * @return how long a delivery stays claimed: longer than any attempt can take
	 */
	public Duration claim() {
		return this.connectTimeout.plus(this.readTimeout).plus(this.claimMargin);
	}

}
