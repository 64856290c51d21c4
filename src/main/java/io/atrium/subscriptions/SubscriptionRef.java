package io.atrium.subscriptions;

import java.util.Locale;

/**
 * Who and what a subscription event is about, as every event carries it.
 *
 * @param subscriptionId the subscription
 * @param subscriberCode its subscriber code
 * @param producerAccountId the producer
 * @param productId the product
 * @param productName its name
 * @param offerCode the plan's offer code now
 * @param planName the plan's name now
 * @param buyerAccountId the subscriber's account
 * @param buyerName the subscriber's name
 * @param buyerEmail the subscriber's e-mail
 * @param locale the language of the subscriber's e-mails
 */
public record SubscriptionRef(long subscriptionId, String subscriberCode, long producerAccountId, long productId,
		String productName, String offerCode, String planName, long buyerAccountId, String buyerName, String buyerEmail,
		Locale locale) {

	static SubscriptionRef of(Subscription s) {
		return new SubscriptionRef(s.id(), s.code(), s.producerAccountId(), s.productId(), s.productName(),
				s.plan().offerCode(), s.plan().name(), s.subscriber().accountId(), s.subscriber().name(),
				s.subscriber().email(), s.subscriber().locale());
	}

}
