package io.atrium.checkout.internal;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which e-mails about a purchase were queued ({@code checkout_purchase_mails}), so a
 * listener run again (a retry, a resubmission after a crash) queues each e-mail once.
 */
@Repository
public class PurchaseMailRows {

	private final JdbcClient jdbc;

	PurchaseMailRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records that an e-mail of the given kind is queued for the purchase, unless one
	 * was. Call it in the transaction that queues the e-mail: a rollback forgets both.
	 * Two concurrent callers cannot both succeed (the primary key).
	 * @param purchaseId the purchase
	 * @param producerAccountId the purchase's producer
	 * @param kind the e-mail, for example {@code PURCHASE}
	 * @param now the time now
	 * @return true when this call recorded it (queue the e-mail), false when it was
	 * recorded before
	 */
	public boolean claim(long purchaseId, long producerAccountId, String kind, Instant now) {
		return this.jdbc
			.sql("INSERT INTO checkout_purchase_mails (purchase_id, producer_account_id, kind, queued_at) "
					+ "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(purchaseId, producerAccountId, kind, Times.utc(now))
			.update() == 1;
	}

}
