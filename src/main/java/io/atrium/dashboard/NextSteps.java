package io.atrium.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * "What to do next": the steps from a new account to selling, each done or not from the
 * producer's state, with the page that does it. Refund requests waiting for an answer
 * come first when there are any. A pure function.
 */
public final class NextSteps {

	private NextSteps() {
	}

	/**
	 * @param state what the producer has set up
	 * @return the steps, in the order a new producer takes them
	 */
	public static List<Step> of(Setup state) {
		List<Step> steps = new ArrayList<>();
		if (state.pendingRefundRequests() > 0) {
			steps.add(new Step("refund-requests", false, "/business/refunds", state.pendingRefundRequests()));
		}
		steps.add(new Step("product", state.hasProduct(), "/business/products", 0));
		steps.add(new Step("offer", state.hasOffer(), "/business/products", 0));
		steps.add(new Step("content", state.hasContent(), "/business/club", 0));
		steps.add(new Step("branding", state.branded(), "/business/branding", 0));
		steps.add(new Step("first-sale", state.hasSale(), "/business/products", 0));
		steps.add(new Step("credentials", state.hasCredentials(), "/business/credentials", 0));
		steps.add(new Step("webhook", state.hasWebhook(), "/business/webhooks", 0));
		return List.copyOf(steps);
	}

	/**
	 * What a producer has set up.
	 *
	 * @param hasProduct any product
	 * @param hasOffer any offer
	 * @param hasContent any members-area page
	 * @param branded their brand set
	 * @param hasSale any paid sale, ever
	 * @param hasCredentials any API credential
	 * @param hasWebhook any webhook endpoint
	 * @param pendingRefundRequests refund requests waiting for an answer
	 */
	public record Setup(boolean hasProduct, boolean hasOffer, boolean hasContent, boolean branded, boolean hasSale,
			boolean hasCredentials, boolean hasWebhook, int pendingRefundRequests) {

	}

	/**
	 * One step.
	 *
	 * @param key its name (the message key's last part)
	 * @param done whether it is done
	 * @param link the page that does it
	 * @param count a number the step's text shows (refund requests), or 0
	 */
	public record Step(String key, boolean done, String link, int count) {

	}

}
