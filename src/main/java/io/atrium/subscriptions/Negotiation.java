package io.atrium.subscriptions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import io.atrium.checkout.Buyer;
import io.atrium.checkout.Negotiations;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.Purchases;
import io.atrium.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;

/**
 * Installment negotiation (hotmart-api.md §3.10): the producer offers a subscriber to pay
 * some of their unpaid recurrences, less a discount, with one PIX or billet. The charge
 * is a purchase made through checkout's {@link Negotiations}; when it is paid (its
 * {@link io.atrium.checkout.PurchaseApproved} arrives, after the payment committed) the
 * recurrences are recorded paid on the subscription, oldest first, and paying the last
 * unpaid one makes it ACTIVE again. The recurrences negotiated are always the oldest
 * unpaid ones, because a subscription records its recurrences in order.
 */
@Service
public class Negotiation {

	/** The most recurrences one negotiation pays. */
	public static final int MAX_RECURRENCES = 5;

	private static final Logger log = LoggerFactory.getLogger(Negotiation.class);

	private final SubscriptionRows subscriptions;

	private final NegotiationRows rows;

	private final Negotiations negotiations;

	private final Purchases purchases;

	private final Billing billing;

	private final Clock clock;

	Negotiation(SubscriptionRows subscriptions, NegotiationRows rows, Negotiations negotiations, Purchases purchases,
			Billing billing, Clock clock) {
		this.subscriptions = subscriptions;
		this.rows = rows;
		this.negotiations = negotiations;
		this.purchases = purchases;
		this.billing = billing;
		this.clock = clock;
	}

	/**
	 * Offers the negotiation: one pending PIX or billet charge for the recurrences less
	 * the discount. The same request while its charge is still payable answers that
	 * charge again instead of making another.
	 * @param requester the producer (or an admin)
	 * @param subscriptionId the subscription
	 * @param recurrences the unpaid recurrences to pay, 1 to {@link #MAX_RECURRENCES}
	 * @param method PIX or BILLET
	 * @param discount an amount off the total in the plan's currency (major units), or
	 * null
	 * @param document the payer's CPF or CNPJ, required for a billet
	 * @return the negotiation's charge
	 * @throws SubscriptionRefused NOT_FOUND when the requester may not see the
	 * subscription, GATEWAY_UNAVAILABLE when the processor did not answer
	 * @throws NegotiationRefused when the request cannot be negotiated (nothing is made)
	 */
	public Offer negotiate(Requester requester, long subscriptionId, List<Integer> recurrences, PaymentMethod method,
			BigDecimal discount, String document) {
		Subscription s = this.subscriptions.find(subscriptionId)
			.filter(requester::maySee)
			.orElseThrow(() -> new SubscriptionRefused(SubscriptionRefused.Reason.NOT_FOUND,
					"No subscription " + subscriptionId + "."));
		List<Integer> wanted = checkRecurrences(s, recurrences);
		if (method != PaymentMethod.PIX && method != PaymentMethod.BILLET) {
			throw new NegotiationRefused("A negotiation is paid by PIX or BILLET.");
		}
		String payer = (document != null) ? document.replaceAll("[.\\-/\\s]", "") : null;
		if (method == PaymentMethod.BILLET && (payer == null || !payer.matches("\\d{11}|\\d{14}"))) {
			throw new NegotiationRefused("A billet needs the payer's document: a CPF (11 digits) or CNPJ (14 digits).");
		}
		Money total = s.plan().price().withAmount(Math.multiplyExact(s.plan().price().amountMinor(), wanted.size()));
		long off = discountMinor(discount, total);
		Money amount = total.withAmount(total.amountMinor() - off);
		Optional<Offer> open = openOffer(s, wanted, method, amount);
		if (open.isPresent()) {
			return open.get();
		}
		String key = UUID.randomUUID().toString();
		this.rows.insert(s.id(), s.producerAccountId(), wanted, method, amount, off, key, this.clock.instant());
		Subscriber b = s.subscriber();
		Negotiations.Negotiated charged = this.negotiations.charge(
				new Negotiations.NegotiationCharge(key, s.id(), s.plan().offerId(), s.plan().offerCode(), s.productId(),
						s.productName(), s.producerAccountId(), s.plan().clubGroupId(), amount, new Buyer(b.name(),
								b.email(), (method == PaymentMethod.BILLET) ? payer : b.document(), b.locale()),
						method, s.plan().warrantyDays()));
		this.rows.charged(key, charged.purchase().transaction());
		if (charged.purchase().status() == PurchaseStatus.STARTED) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.GATEWAY_UNAVAILABLE,
					"The payment processor did not answer; nothing was charged. Try again in a minute.");
		}
		if (!charged.purchase().status().pending()) {
			throw new NegotiationRefused("The payment processor refused the " + method + " charge.");
		}
		return new Offer(s.id(), wanted, amount, charged.purchase(), charged.paymentPage());
	}

	private static List<Integer> checkRecurrences(Subscription s, List<Integer> recurrences) {
		if (recurrences == null || recurrences.isEmpty() || recurrences.size() > MAX_RECURRENCES
				|| recurrences.contains(null)) {
			throw new NegotiationRefused("recurrences must list 1 to " + MAX_RECURRENCES + " recurrence numbers.");
		}
		List<Integer> wanted = List.copyOf(new TreeSet<>(recurrences));
		int first = s.currentRecurrence() + 1;
		int last = s.currentRecurrence() + s.unpaidCount();
		if (!s.status().billable() || s.unpaidCount() == 0) {
			throw new NegotiationRefused(
					"Subscription " + s.code() + " is " + s.status() + " with no unpaid recurrence to negotiate.");
		}
		String unpaid = (first == last) ? String.valueOf(first) : first + " to " + last;
		for (int i = 0; i < wanted.size(); i++) {
			int r = wanted.get(i);
			if (r < first || r > last) {
				throw new NegotiationRefused("Recurrence " + r + " of subscription " + s.code()
						+ " is not unpaid; the unpaid recurrences are " + unpaid + ".");
			}
			if (r != first + i) {
				throw new NegotiationRefused("Negotiate the oldest unpaid recurrences first: subscription " + s.code()
						+ " owes " + unpaid + ", so a negotiation of " + wanted.size() + " pays " + first + " to "
						+ (first + wanted.size() - 1) + ".");
			}
		}
		return wanted;
	}

	private static long discountMinor(BigDecimal discount, Money total) {
		if (discount == null || discount.signum() == 0) {
			return 0;
		}
		BigDecimal minor = discount.movePointRight(total.currency().getDefaultFractionDigits());
		if (discount.signum() < 0 || minor.stripTrailingZeros().scale() > 0
				|| minor.compareTo(BigDecimal.valueOf(total.amountMinor())) >= 0) {
			throw new NegotiationRefused("discount.value must be at least 0 and less than the total of "
					+ total.decimal().toPlainString() + " " + total.currency().getCurrencyCode() + ", with at most "
					+ total.currency().getDefaultFractionDigits() + " decimals.");
		}
		return minor.longValueExact();
	}

	private Optional<Offer> openOffer(Subscription s, List<Integer> wanted, PaymentMethod method, Money amount) {
		Instant now = this.clock.instant();
		for (NegotiationRows.Row row : this.rows.unpaidOf(s.id())) {
			if (!row.recurrences().equals(wanted) || row.method() != method || !row.amount().equals(amount)) {
				continue;
			}
			Optional<Purchase> purchase = this.purchases.byTransaction(row.transaction())
				.filter((p) -> p.status().pending() && p.payment().expiresAt() != null
						&& now.isBefore(p.payment().expiresAt()));
			if (purchase.isPresent()) {
				return Optional.of(new Offer(s.id(), wanted, amount, purchase.get(),
						this.negotiations.paymentPage(purchase.get())));
			}
		}
		return Optional.empty();
	}

	/**
	 * Records a paid negotiation's recurrences on its subscription, once, after the
	 * payment committed. Runs outside a transaction of its own: the change takes one.
	 */
	// a negotiation's purchase pays no single recurrence: a renewal's charge is not even
	// registered for this listener
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED,
			condition = "#event.subscriptionId() != null and #event.recurrence() == null")
	void on(io.atrium.checkout.PurchaseApproved event) {
		if (event.subscriptionId() == null || event.recurrence() != null) {
			return;
		}
		Optional<NegotiationRows.Row> negotiation = this.rows.byTransaction(event.transaction());
		if (negotiation.isEmpty() || negotiation.get().paidAt() != null) {
			return;
		}
		NegotiationRows.Row n = negotiation.get();
		this.billing.change(n.subscriptionId(), (s, dunning, now) -> {
			if (!this.rows.markPaid(n.id(), now)) {
				return;
			}
			Integer last = null;
			for (int r : n.recurrences()) {
				if (r == s.currentRecurrence() + 1 && s.status().billable()) {
					s.paid(r, n.transaction(), Actor.BUYER, now, dunning);
					last = r;
				}
			}
			if (last == null) {
				log.warn("Negotiation {} of subscription {} was paid, but recurrences {} no longer follow {} ({})",
						n.transaction(), s.code(), n.recurrences(), s.currentRecurrence(), s.status());
				return;
			}
			this.billing.publish(new SubscriptionEvents.Charged(SubscriptionRef.of(s), last, n.transaction(),
					n.amount(), null, null, s.nextChargeAt(), now));
		});
	}

	/**
	 * A negotiation's charge.
	 *
	 * @param subscriptionId the subscription
	 * @param recurrences the recurrences it pays, ascending
	 * @param amount what is charged
	 * @param purchase the charge's purchase: WAITING_PAYMENT (PIX) or PRINTED_BILLET,
	 * with the code or barcode and when it expires
	 * @param paymentPage the path of a page where it can be paid, or null
	 */
	public record Offer(long subscriptionId, List<Integer> recurrences, Money amount, Purchase purchase,
			String paymentPage) {
	}

}
