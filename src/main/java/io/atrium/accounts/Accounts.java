package io.atrium.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.atrium.shared.EmailAddress;

/**
 * What other modules may ask of accounts. One account per e-mail address, across every
 * product and members area.
 */
public interface Accounts {

	/**
	 * @param id an account id
	 * @return the account, if it exists
	 */
	Optional<AccountSummary> find(AccountId id);

	/**
	 * @param email a canonical e-mail address
	 * @return the account with that address, if any
	 */
	Optional<AccountSummary> findByEmail(EmailAddress email);

	/**
	 * Finds the account of this e-mail or creates it in the pending state, and gives it
	 * the student role. Sends nothing: the caller's own e-mail (a purchase, an import)
	 * carries the activation link from {@link #activationLink(AccountId)} when the
	 * account is pending. Must run inside the caller's transaction.
	 * @param email the student's address
	 * @param name the student's name, used when the account is created
	 * @param locale the language for a new account
	 * @return the account and whether it was created now
	 */
	StudentEnrollment ensureStudent(EmailAddress email, String name, Locale locale);

	/**
	 * Issues a new activation link (valid 72 hours, single use) for a pending account.
	 * @param id a pending account
	 * @return the absolute link
	 * @throws IllegalStateException when the account is already active
	 */
	String activationLink(AccountId id);

	/**
	 * Invites a student: creates the pending account if needed, gives it the student role
	 * and sends an invitation e-mail with an activation link (or, for an active account,
	 * a note that the same password works). Must run inside the caller's transaction.
	 * @param email the student's address
	 * @param name the student's name
	 * @param locale the language of the e-mail for a new account
	 * @return the account and whether it was created now
	 */
	StudentEnrollment inviteStudent(EmailAddress email, String name, Locale locale);

	/**
	 * Creates an active account with a password, or, when the address has an account,
	 * adds the roles and sets the password. For demo data and administration tools;
	 * people normally activate their own account from an e-mail.
	 * @param email the address
	 * @param name the display name
	 * @param password a password that meets the policy (12 to 128 characters)
	 * @param locale the preferred language
	 * @param roles the roles to grant
	 * @return the account
	 */
	AccountSummary createActive(EmailAddress email, String name, String password, Locale locale, Set<Role> roles);

	/**
	 * @return every platform admin, for notifications that must reach them
	 */
	java.util.List<AccountSummary> admins();

	/**
	 * An account as other modules see it.
	 *
	 * @param id the account id
	 * @param email the canonical e-mail address
	 * @param name the display name
	 * @param locale the preferred language
	 * @param active whether the account has been activated
	 * @param roles the account's roles
	 */
	record AccountSummary(AccountId id, String email, String name, Locale locale, boolean active, Set<Role> roles) {
	}

	/**
	 * The result of {@link #ensureStudent} and {@link #inviteStudent}.
	 *
	 * @param account the student's account
	 * @param created whether the account was created by this call
	 */
	record StudentEnrollment(AccountSummary account, boolean created) {
	}

}
