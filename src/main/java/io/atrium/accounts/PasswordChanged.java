package io.atrium.accounts;

/**
 * Published when an account's password was set or changed. Every session of the account
 * except {@code keepSessionId} ends after the change commits.
 *
 * @param account the account
 * @param email its canonical e-mail address
 * @param keepSessionId the session that made the change and stays signed in, or null
 */
public record PasswordChanged(AccountId account, String email, String keepSessionId) {

}
