package io.atrium.checkout;

import java.util.ArrayList;
import java.util.List;

import io.atrium.shared.Money;

/**
 * A card payment split into equal installments without interest: the total divided in
 * minor units, the cents that do not divide evenly added to the first installment (97.00
 * in 3 is 32.34 + 32.33 + 32.33). Pure; the gateway charges the total once and the card's
 * issuer bills it in installments.
 *
 * @param total what is paid in all
 * @param count how many installments, at least 1
 */
public record Installments(Money total, int count) {

	/** The most installments any offer may allow. */
	public static final int MAX = 12;

	public Installments {
		if (count < 1) {
			throw new IllegalArgumentException("At least one installment, not " + count);
		}
		if (total.amountMinor() < 0) {
			throw new IllegalArgumentException("A negative total: " + total);
		}
	}

	/**
	 * @return the first installment: the equal share plus the cents left over
	 */
	public Money first() {
		return this.total.withAmount(share() + this.total.amountMinor() % this.count);
	}

	/**
	 * @return each installment after the first (the first when there is only one)
	 */
	public Money rest() {
		return this.total.withAmount(share());
	}

	/**
	 * @return every installment in order; they add up to the total
	 */
	public List<Money> amounts() {
		List<Money> amounts = new ArrayList<>(this.count);
		amounts.add(first());
		for (int i = 1; i < this.count; i++) {
			amounts.add(rest());
		}
		return amounts;
	}

	/**
	 * The choices a buyer has: 1 to {@code max} installments of a total.
	 * @param total the price after any coupon
	 * @param max the offer's maximum, 1 to {@value #MAX}
	 * @return one split per count, from 1
	 */
	public static List<Installments> choices(Money total, int max) {
		List<Installments> choices = new ArrayList<>(max);
		for (int n = 1; n <= max; n++) {
			choices.add(new Installments(total, n));
		}
		return choices;
	}

	private long share() {
		return this.total.amountMinor() / this.count;
	}

}
