package io.atrium.subscriptions;

/**
 * Who asks: a producer sees their own subscriptions, a buyer their own, an admin (and
 * Atrium itself) any.
 *
 * @param actor the role the request is made in
 * @param accountId the account asking
 */
public record Requester(Actor actor, Long accountId) {

	/**
	 * @param producerAccountId a producer
	 * @return the producer asking
	 */
	public static Requester producer(long producerAccountId) {
		return new Requester(Actor.PRODUCER, producerAccountId);
	}

	/**
	 * @param buyerAccountId a buyer
	 * @return the buyer asking
	 */
	public static Requester buyer(long buyerAccountId) {
		return new Requester(Actor.BUYER, buyerAccountId);
	}

	/**
	 * @param adminAccountId an admin
	 * @return the admin asking
	 */
	public static Requester admin(long adminAccountId) {
		return new Requester(Actor.ADMIN, adminAccountId);
	}

	/**
	 * @param s a subscription
	 * @return whether this requester may see and change it
	 */
	public boolean maySee(Subscription s) {
		return switch (this.actor) {
			case PRODUCER -> this.accountId != null && s.producerAccountId() == this.accountId;
			case BUYER -> this.accountId != null && s.subscriber().accountId() == this.accountId;
			case ADMIN, SYSTEM -> true;
		};
	}

}
