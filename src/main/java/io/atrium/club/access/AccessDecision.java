package io.atrium.club.access;

import java.util.List;

/**
 * The answer to "can this student open this page now?".
 *
 * @param denials every reason the page is closed, in {@link AccessReason} order; empty
 * when it is open
 */
public record AccessDecision(List<AccessDenial> denials) {

	public AccessDecision {
		denials = List.copyOf(denials);
	}

	/**
	 * @return whether the student may open the page now
	 */
	public boolean allowed() {
		return this.denials.isEmpty();
	}

	/**
	 * @param reason a reason
	 * @return whether the decision lists it
	 */
	public boolean has(AccessReason reason) {
		return this.denials.stream().anyMatch((d) -> d.reason() == reason);
	}

	/**
	 * @return whether the only thing missing is the page password, so a password form
	 * should be offered
	 */
	public boolean onlyNeedsPassword() {
		return this.denials.size() == 1 && has(AccessReason.PASSWORD_REQUIRED);
	}

	/**
	 * @return the reasons, in order
	 */
	public List<AccessReason> reasons() {
		return this.denials.stream().map(AccessDenial::reason).toList();
	}

}
