package io.atrium.accounts;

/**
 * The identity of an account, the same across every product and members area.
 *
 * @param value the numeric id
 */
public record AccountId(long value) {

}
