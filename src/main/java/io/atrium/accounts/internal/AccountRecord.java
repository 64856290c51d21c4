package io.atrium.accounts.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts.AccountSummary;
import io.atrium.accounts.Role;
import io.atrium.accounts.SignedInAccount;
import io.atrium.platform.SupportedLanguages;

/**
 * One row of {@code accounts}.
 *
 * @param id the id
 * @param email canonical e-mail
 * @param name display name
 * @param passwordHash encoded password, null while pending
 * @param status PENDING, ACTIVE or DISABLED
 * @param locale preferred language tag, may be null
 * @param producer producer role
 * @param student student role
 * @param admin admin role
 * @param failedLogins consecutive failed log-ins
 * @param lastFailedLogin time of the last failed log-in
 * @param lockedUntil no log-in before this time
 * @param createdAt creation time
 */
public record AccountRecord(long id, String email, String name, String passwordHash, String status, String locale,
		boolean producer, boolean student, boolean admin, int failedLogins, Instant lastFailedLogin,
		Instant lockedUntil, Instant createdAt) {

	static final String PENDING = "PENDING";

	static final String ACTIVE = "ACTIVE";

	/**
	 * @return whether the account is activated
	 */
	public boolean active() {
		return ACTIVE.equals(this.status);
	}

	/**
	 * @return the roles
	 */
	public Set<Role> roles() {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (this.producer) {
			roles.add(Role.PRODUCER);
		}
		if (this.student) {
			roles.add(Role.STUDENT);
		}
		if (this.admin) {
			roles.add(Role.ADMIN);
		}
		return roles;
	}

	/**
	 * @return the creation time in UTC, for display
	 */
	public java.time.OffsetDateTime createdAtUtc() {
		return this.createdAt.atOffset(java.time.ZoneOffset.UTC);
	}

	/**
	 * @return the preferred language, English when none
	 */
	public Locale preferredLocale() {
		return SupportedLanguages.match(this.locale).orElse(SupportedLanguages.DEFAULT);
	}

	AccountSummary summary() {
		return new AccountSummary(new AccountId(this.id), this.email, this.name, preferredLocale(), active(), roles());
	}

	/**
	 * @return the page principal of this account
	 */
	public SignedInAccount principal() {
		return new SignedInAccount(this.id, this.email, this.name, roles(), this.passwordHash, active());
	}

}
