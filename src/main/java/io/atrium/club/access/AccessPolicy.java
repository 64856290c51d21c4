package io.atrium.club.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.atrium.club.groups.PurchaseState;

/**
 * The one access decision: can this student open this page now, and if not, every reason
 * why, in {@link AccessReason} order. A pure function of {@link AccessFacts} and the
 * instant; every view of access (the student's, the producer's, the APIs) goes through
 * it.
 */
public final class AccessPolicy {

	private AccessPolicy() {
	}

	/**
	 * @param facts the student, the page and the group's rule
	 * @param now the instant of the question
	 * @return the decision
	 */
	public static AccessDecision decide(AccessFacts facts, Instant now) {
		List<AccessDenial> denials = new ArrayList<>();
		AccessFacts.EnrollmentState e = facts.enrollment();
		if (e == null) {
			denials.add(AccessDenial.of(AccessReason.NOT_ENROLLED));
		}
		else {
			enrollment(e, now, denials);
			content(e, facts, now, denials);
		}
		if (!facts.published()) {
			denials.add(AccessDenial.of(AccessReason.UNPUBLISHED));
		}
		if (!facts.mediaAvailable()) {
			denials.add(AccessDenial.of(AccessReason.MEDIA_UNAVAILABLE));
		}
		if (facts.passwordProtected() && !facts.passwordUnlocked()) {
			denials.add(AccessDenial.of(AccessReason.PASSWORD_REQUIRED));
		}
		return new AccessDecision(denials);
	}

	/**
	 * When an open page closes again for the student if nothing changes: the earliest of
	 * the end of the access period, the end of the subscription access (only when no
	 * subscription grants access without an end) and the page's expiry; for the warning
	 * students get before access ends.
	 * @param facts the student, the page and the group's rule
	 * @param now the instant of the question
	 * @return the instant access ends (exclusive), null when it does not end or is not
	 * open now
	 */
	public static Instant accessEndsAt(AccessFacts facts, Instant now) {
		AccessFacts.EnrollmentState e = facts.enrollment();
		AccessDecision decision = decide(facts, now);
		if (e == null || !(decision.allowed() || decision.onlyNeedsPassword())) {
			return null;
		}
		Instant end = e.accessEndsAt();
		if (!e.subscriptions().isEmpty()) {
			List<SubscriptionRight> granting = e.subscriptions().stream().filter((r) -> r.grants(now)).toList();
			if (granting.stream().noneMatch((r) -> r.accessUntil() == null)) {
				Instant last = granting.stream()
					.map(SubscriptionRight::accessUntil)
					.max(Instant::compareTo)
					.orElse(null);
				end = earlier(end, last);
			}
		}
		ContentRule rule = (facts.rule() != null) ? facts.rule() : ContentRule.DEFAULT;
		return earlier(end, rule.expiration().expiresAt(e.startedAt()));
	}

	private static Instant earlier(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b != null && b.isBefore(a)) ? b : a;
	}

	private static void enrollment(AccessFacts.EnrollmentState e, Instant now, List<AccessDenial> denials) {
		if (e.blocked()) {
			denials.add(AccessDenial.of(AccessReason.BLOCKED_BY_PRODUCER));
		}
		if (e.accessEndsAt() != null && !now.isBefore(e.accessEndsAt())) {
			denials.add(new AccessDenial(AccessReason.ACCESS_PERIOD_ENDED, e.accessEndsAt(), null));
		}
		if (e.purchaseState() == PurchaseState.REFUNDED) {
			denials.add(AccessDenial.of(AccessReason.PURCHASE_REFUNDED));
		}
		else if (e.purchaseState() == PurchaseState.CHARGED_BACK) {
			denials.add(AccessDenial.of(AccessReason.PURCHASE_CHARGED_BACK));
		}
		subscriptions(e.subscriptions(), now, denials);
	}

	/**
	 * A student with subscriptions of the product needs one of them to grant access now;
	 * when none does, each kind of lapse is one reason (overdue, cancelled, inactive),
	 * dated by the latest of its subscriptions. Without subscriptions nothing is added.
	 */
	private static void subscriptions(List<SubscriptionRight> rights, Instant now, List<AccessDenial> denials) {
		if (rights.isEmpty() || rights.stream().anyMatch((r) -> r.grants(now))) {
			return;
		}
		Map<AccessReason, AccessDenial> lapses = new EnumMap<>(AccessReason.class);
		for (SubscriptionRight right : rights) {
			AccessDenial d = right.denial(now);
			lapses.merge(d.reason(), d, AccessPolicy::later);
		}
		denials.addAll(lapses.values());
	}

	private static AccessDenial later(AccessDenial a, AccessDenial b) {
		if (a.date() == null) {
			return b;
		}
		return (b.date() != null && b.date().isAfter(a.date())) ? b : a;
	}

	private static void content(AccessFacts.EnrollmentState e, AccessFacts facts, Instant now,
			List<AccessDenial> denials) {
		ContentRule rule = (facts.rule() != null) ? facts.rule() : ContentRule.DEFAULT;
		if (!rule.visible()) {
			denials.add(AccessDenial.of(AccessReason.NOT_IN_GROUP));
			return;
		}
		Drip drip = rule.drip();
		Instant release = drip.releaseAt(e.startedAt(), facts.prerequisiteCompletedAt());
		if (release == null) {
			denials.add(new AccessDenial(AccessReason.NOT_RELEASED_YET, null, drip.afterPageId()));
		}
		else if (now.isBefore(release)) {
			denials.add(new AccessDenial(AccessReason.NOT_RELEASED_YET, release, null));
		}
		Instant expiry = rule.expiration().expiresAt(e.startedAt());
		if (expiry != null && !now.isBefore(expiry)) {
			denials.add(new AccessDenial(AccessReason.EXPIRED, expiry, null));
		}
	}

}
