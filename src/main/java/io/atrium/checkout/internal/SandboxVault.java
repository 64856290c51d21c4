package io.atrium.checkout.internal;

import java.time.Instant;
import java.util.Optional;

import io.atrium.checkout.CardDetails;
import io.atrium.checkout.DeclineReason;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox gateway's stored cards, in {@code sandbox_payment_methods}: brand, last
 * four digits and expiry only. Runs inside the gateway's transactions.
 */
final class SandboxVault {

	private final JdbcClient jdbc;

	SandboxVault(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void store(String token, CardDetails card, DeclineReason declinesWith, Instant now) {
		this.jdbc.sql("""
				INSERT INTO sandbox_payment_methods (token, card_brand, card_last4, exp_month, exp_year,
				  declines_with, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(token, card.brand(), card.last4(), card.expMonth(), card.expYear(), name(declinesWith),
					Times.utc(now), Times.utc(now))
			.update();
	}

	Optional<SandboxPaymentMethod> find(String token) {
		return this.jdbc.sql("SELECT * FROM sandbox_payment_methods WHERE token = ?")
			.param(token)
			.query((rs, n) -> new SandboxPaymentMethod(rs.getString("token"), rs.getString("card_brand"),
					rs.getString("card_last4"), rs.getInt("exp_month"), rs.getInt("exp_year"),
					reason(rs.getString("declines_with"))))
			.optional();
	}

	boolean declineLaterChargesWith(String token, DeclineReason declinesWith, Instant now) {
		return this.jdbc.sql("UPDATE sandbox_payment_methods SET declines_with = ?, updated_at = ? WHERE token = ?")
			.params(name(declinesWith), Times.utc(now), token)
			.update() > 0;
	}

	private static String name(DeclineReason reason) {
		return (reason != null) ? reason.name() : null;
	}

	private static DeclineReason reason(String name) {
		return (name != null) ? DeclineReason.valueOf(name) : null;
	}

}
