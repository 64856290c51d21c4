package io.atrium.club.access;

/**
 * Completion arithmetic.
 */
public final class Progress {

	private Progress() {
	}

	/**
	 * @param completed pages completed
	 * @param total pages in all
	 * @return the percentage, rounded down, 0 when there are no pages
	 */
	public static int percent(int completed, int total) {
		return (total == 0) ? 0 : (int) Math.min(100, (completed * 100L) / total);
	}

}
