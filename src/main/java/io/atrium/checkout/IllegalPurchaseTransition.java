package io.atrium.checkout;

/**
 * A purchase was asked to move to a status it cannot reach from where it is.
 */
public class IllegalPurchaseTransition extends IllegalStateException {

	IllegalPurchaseTransition(String transaction, PurchaseStatus current, String move) {
		super("Purchase " + transaction + " is " + current + "; cannot " + move);
	}

}
