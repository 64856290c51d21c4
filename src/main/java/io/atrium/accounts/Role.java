package io.atrium.accounts;

/**
 * What an account may do. One account can hold several roles: a producer who also bought
 * a course is both {@link #PRODUCER} and {@link #STUDENT}.
 */
public enum Role {

	/** Sells products; sees "Manage my business". */
	PRODUCER,

	/** Bought or was given access to a product; sees "My purchases". */
	STUDENT,

	/** Runs the platform. */
	ADMIN;

	/**
	 * @return the Spring Security authority of this role, for example
	 * {@code ROLE_PRODUCER}
	 */
	public String authority() {
		return "ROLE_" + name();
	}

}
