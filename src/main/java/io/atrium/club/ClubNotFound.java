package io.atrium.club;

/**
 * The product, group, module, page or student does not exist or belongs to another
 * producer (the two are never told apart). Nothing was changed.
 */
public class ClubNotFound extends RuntimeException {

	/**
	 * @param message what was not found, in English
	 */
	public ClubNotFound(String message) {
		super(message);
	}

}
