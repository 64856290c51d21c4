/**
 * Accounts: one account per e-mail across every product and members area; producers,
 * students and platform admins; activation, log-in, password reset, throttling, profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package io.atrium.accounts;
