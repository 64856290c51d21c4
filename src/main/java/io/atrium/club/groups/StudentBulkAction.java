package io.atrium.club.groups;

import java.time.Instant;

import io.atrium.club.access.Progress;

/**
 * A bulk action on every student of a product matching a filter, run in the background in
 * batches ({@link StudentBulkActions}).
 *
 * @param id the action's id
 * @param productId the product
 * @param producerAccountId its producer
 * @param kind what is done to each student
 * @param targetGroupId for {@link Kind#MOVE}, the group; null otherwise
 * @param filter which students, evaluated again for each batch
 * @param status {@code QUEUED}, {@code RUNNING} or {@code DONE}
 * @param total how many students matched when it started
 * @param processed how many students it changed so far
 * @param lastId the last student id done (the batches' cursor)
 * @param createdAt when the producer confirmed it
 * @param finishedAt when the last batch ran, null before
 */
public record StudentBulkAction(long id, long productId, long producerAccountId, Kind kind, Long targetGroupId,
		StudentFilter filter, String status, int total, int processed, long lastId, Instant createdAt,
		Instant finishedAt) {

	/**
	 * @return whether every batch ran
	 */
	public boolean done() {
		return "DONE".equals(this.status);
	}

	/**
	 * @return completion, 0 to 100 (students who stopped matching make it end early)
	 */
	public int percent() {
		return done() ? 100 : Progress.percent(this.processed, this.total);
	}

	/**
	 * What a bulk action does to each student.
	 */
	public enum Kind {

		/** Moves the student to another group of the product. */
		MOVE,

		/** Blocks access. */
		BLOCK,

		/** Unblocks access. */
		UNBLOCK,

		/** Sends the access e-mail again. */
		RESEND

	}

}
