package io.atrium.club;

import java.util.List;

/**
 * A members-area request that breaks a rule (deleting the default group, linking an offer
 * already linked elsewhere, moving students to another product's group, bad input...).
 * Nothing was changed.
 */
public class ClubRefused extends RuntimeException {

	private final String field;

	private final String code;

	private final List<Object> args;

	/**
	 * @param field the input at fault ({@code name}, {@code groupId}...), or null
	 * @param code the message key under {@code club.error.} in the club bundle
	 * @param message the same in English, for API answers and logs
	 * @param args the message arguments
	 */
	public ClubRefused(String field, String code, String message, Object... args) {
		super(message);
		this.field = field;
		this.code = code;
		this.args = List.of(args);
	}

	/**
	 * @return the input at fault, or null
	 */
	public String field() {
		return this.field;
	}

	/**
	 * @return the short code, for example {@code group.default-not-deletable}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * @return the full message key, {@code club.error.<code>}
	 */
	public String messageKey() {
		return "club.error." + this.code;
	}

	/**
	 * @return the message arguments
	 */
	public Object[] args() {
		return this.args.toArray();
	}

}
