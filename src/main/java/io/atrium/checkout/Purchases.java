package io.atrium.checkout;

import java.util.List;
import java.util.Optional;

import io.atrium.checkout.internal.PurchaseRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads purchases, always scoped to the person asking: a buyer sees only their own, a
 * producer only the sales of their own products.
 */
@Service
public class Purchases {

	private final PurchaseRows rows;

	Purchases(PurchaseRows rows) {
		this.rows = rows;
	}

	/**
	 * @param buyerAccountId the signed-in buyer
	 * @return the buyer's approved (and later) purchases across every producer, newest
	 * first
	 */
	@Transactional(readOnly = true)
	public List<Purchase> ofBuyer(long buyerAccountId) {
		return this.rows.ofBuyer(buyerAccountId);
	}

	/**
	 * @param producerAccountId the producer asking
	 * @param transaction a transaction code
	 * @return the purchase when it is a sale of that producer
	 */
	@Transactional(readOnly = true)
	public Optional<Purchase> ofProducer(long producerAccountId, String transaction) {
		return this.rows.findByTransaction(transaction)
			.filter((p) -> p.terms().producerAccountId() == producerAccountId);
	}

	/**
	 * @param transaction a transaction code
	 * @return the purchase, for the buyer's own result page (reached by its attempt)
	 */
	@Transactional(readOnly = true)
	public Optional<Purchase> byTransaction(String transaction) {
		return this.rows.findByTransaction(transaction);
	}

	/**
	 * @param purchaseId a purchase
	 * @return its status changes, oldest first
	 */
	@Transactional(readOnly = true)
	public List<Purchase.StatusChange> history(long purchaseId) {
		return this.rows.history(purchaseId);
	}

}
