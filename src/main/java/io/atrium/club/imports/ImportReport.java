package io.atrium.club.imports;

import java.time.Instant;
import java.util.List;

import io.atrium.club.access.Progress;

/**
 * A CSV import of students and what became of each of its rows.
 *
 * @param id the import's id
 * @param productId the product
 * @param status {@code QUEUED}, {@code RUNNING} or {@code DONE}
 * @param total how many rows the file had (header and blank lines left out)
 * @param processed how many rows have an outcome
 * @param createdAt when the file was uploaded
 * @param finishedAt when the last row was processed, null before
 * @param rows the rows in file order (empty when only the progress was asked for)
 */
public record ImportReport(long id, long productId, String status, int total, int processed, Instant createdAt,
		Instant finishedAt, List<Row> rows) {

	/** Every row has its outcome. */
	public static final String DONE = "DONE";

	/**
	 * @return whether every row was processed
	 */
	public boolean done() {
		return DONE.equals(this.status);
	}

	/**
	 * @return completion, 0 to 100
	 */
	public int percent() {
		return Progress.percent(this.processed, this.total);
	}

	/**
	 * @param outcome an outcome
	 * @return how many rows had it
	 */
	public long count(ImportOutcome outcome) {
		return this.rows.stream().filter((r) -> r.outcome() == outcome).count();
	}

	/**
	 * One row of the file.
	 *
	 * @param line its line number in the file, from 1
	 * @param email the e-mail address as written
	 * @param name the name as written
	 * @param group the group's name as written
	 * @param startedOn the original purchase date as written
	 * @param endsOn the access end as written
	 * @param outcome what became of it, null while waiting
	 * @param messageKey for a refused row, the key of the reason in the message bundles
	 * (its arguments in {@code args})
	 * @param args the message's arguments
	 */
	public record Row(int line, String email, String name, String group, String startedOn, String endsOn,
			ImportOutcome outcome, String messageKey, List<String> args) {

		public Row {
			args = List.copyOf(args);
		}

	}

}
