package io.atrium.sales.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.catalog.Products;
import io.atrium.checkout.Purchase;

/**
 * What the sales API tells besides the purchase itself, looked up once per request: the
 * producer's name, products' warranties, and the stable {@code ucode} of a person (a
 * name-based UUID of their account id, or of the buyer's e-mail before they have one).
 */
final class SaleFacts {

	private final Accounts accounts;

	private final Products products;

	private final Map<Long, String> names = new HashMap<>();

	private final Map<Long, Integer> warranties = new HashMap<>();

	SaleFacts(Accounts accounts, Products products) {
		this.accounts = accounts;
		this.products = products;
	}

	String name(long accountId) {
		return this.names.computeIfAbsent(accountId,
				(id) -> this.accounts.find(new AccountId(id)).map(Accounts.AccountSummary::name).orElse(""));
	}

	String email(long accountId) {
		return this.accounts.find(new AccountId(accountId)).map(Accounts.AccountSummary::email).orElse(null);
	}

	static String ucode(long accountId) {
		return UUID.nameUUIDFromBytes(("atrium-account:" + accountId).getBytes(StandardCharsets.UTF_8))
			.toString()
			.toUpperCase();
	}

	static String buyerUcode(Purchase p) {
		if (p.buyerAccountId() != null) {
			return ucode(p.buyerAccountId());
		}
		return UUID.nameUUIDFromBytes(("atrium-buyer:" + p.terms().buyer().email()).getBytes(StandardCharsets.UTF_8))
			.toString()
			.toUpperCase();
	}

	/**
	 * @return when the refund guarantee ends (approval plus the product's warranty days),
	 * or null before approval
	 */
	Instant warrantyEnd(Purchase p) {
		if (p.approvedAt() == null) {
			return null;
		}
		int days = this.warranties.computeIfAbsent(p.terms().productId(),
				(id) -> this.products.find(p.terms().producerAccountId(), id)
					.map((product) -> product.details().warrantyDays())
					.orElse(0));
		return p.approvedAt().plus(Duration.ofDays(days));
	}

	/**
	 * @return the compatible {@code payment.method}: the card brand, PIX or BILLET
	 */
	static String method(Purchase p) {
		return switch (p.terms().method()) {
			case PIX -> "PIX";
			case BILLET -> "BILLET";
			case CARD -> switch ((p.payment().cardBrand() != null) ? p.payment().cardBrand() : "") {
				case "VISA" -> "CREDIT_CARD_VISA";
				case "MASTERCARD" -> "CREDIT_CARD_MASTERCARD";
				case "AMERICAN_EXPRESS" -> "CREDIT_CARD_AMERICAN_EXPRESS";
				case "ELO" -> "CREDIT_CARD_ELO";
				default -> "UNKNOWN_CREDIT_CARD";
			};
		};
	}

}
