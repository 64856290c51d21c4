package io.atrium.media;

import java.util.List;

/**
 * A brand change that breaks a rule; nothing was saved.
 */
public class BrandRefused extends RuntimeException {

	private final List<Problem> problems;

	/**
	 * @param problems at least one
	 */
	public BrandRefused(List<Problem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	/**
	 * @return one problem per field at most
	 */
	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * One broken rule.
	 *
	 * @param field {@code name}, {@code color}, {@code logo} or {@code favicon}
	 * @param messageKey its text in the media bundle
	 * @param args the text's arguments
	 */
	public record Problem(String field, String messageKey, List<Object> args) {
	}

}
