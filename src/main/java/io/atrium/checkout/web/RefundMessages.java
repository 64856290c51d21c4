package io.atrium.checkout.web;

import io.atrium.checkout.RefundRefused;

/**
 * The message key telling why a refund was refused.
 */
final class RefundMessages {

	private RefundMessages() {
	}

	static String key(RefundRefused ex) {
		return switch (ex.reason()) {
			case NOT_FOUND -> "checkout.refund.not-found";
			case ALREADY_REFUNDED -> "checkout.refund.already";
			case NOT_ELIGIBLE -> (ex.windowEnd() != null && ex.status() != null && ex.status().paid())
					? "checkout.refund.window-ended" : "checkout.refund.not-eligible";
		};
	}

}
