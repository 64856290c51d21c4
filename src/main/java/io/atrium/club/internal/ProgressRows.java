package io.atrium.club.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code club_progress}, {@code club_module_completions} and {@code club_last_pages}
 * tables.
 */
@Repository
public class ProgressRows {

	/** How long opening the page opened last is not written again. */
	static final Duration LAST_PAGE_RESOLUTION = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	public ProgressRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the pages the student completed in the product, page id to instant
	 */
	public Map<Long, Instant> completed(long enrollmentId) {
		Map<Long, Instant> done = new HashMap<>();
		this.jdbc.sql("SELECT page_id, completed_at FROM club_progress WHERE enrollment_id = ?")
			.param(enrollmentId)
			.query((rs) -> {
				done.put(rs.getLong(1), Times.instant(rs, "completed_at"));
			});
		return done;
	}

	/**
	 * @param enrollmentIds some students (a page of the Users tab)
	 * @return per student, the pages they completed (absent: none)
	 */
	public Map<Long, java.util.Set<Long>> completedPages(java.util.Collection<Long> enrollmentIds) {
		Map<Long, java.util.Set<Long>> done = new HashMap<>();
		if (enrollmentIds.isEmpty()) {
			return done;
		}
		this.jdbc
			.sql("SELECT enrollment_id, page_id FROM club_progress WHERE enrollment_id IN ("
					+ String.join(", ", java.util.Collections.nCopies(enrollmentIds.size(), "?")) + ")")
			.params(new java.util.ArrayList<>(enrollmentIds))
			.query((rs) -> {
				done.computeIfAbsent(rs.getLong(1), (k) -> new java.util.HashSet<>()).add(rs.getLong(2));
			});
		return done;
	}

	/**
	 * @return whether the page was not completed before
	 */
	public boolean complete(long enrollmentId, long producerAccountId, long pageId, Instant now) {
		if (this.jdbc.sql("SELECT COUNT(*) FROM club_progress WHERE enrollment_id = ? AND page_id = ?")
			.params(enrollmentId, pageId)
			.query(Long.class)
			.single() > 0) {
			return false;
		}
		this.jdbc
			.sql("INSERT INTO club_progress (enrollment_id, producer_account_id, page_id, completed_at) "
					+ "VALUES (?, ?, ?, ?)")
			.params(enrollmentId, producerAccountId, pageId, Times.utc(now))
			.update();
		return true;
	}

	public void undo(long enrollmentId, long pageId) {
		this.jdbc.sql("DELETE FROM club_progress WHERE enrollment_id = ? AND page_id = ?")
			.params(enrollmentId, pageId)
			.update();
	}

	/**
	 * @return whether the module was not recorded as completed before
	 */
	public boolean completeModule(long enrollmentId, long producerAccountId, long moduleId, Instant now) {
		if (this.jdbc.sql("SELECT COUNT(*) FROM club_module_completions WHERE enrollment_id = ? AND module_id = ?")
			.params(enrollmentId, moduleId)
			.query(Long.class)
			.single() > 0) {
			return false;
		}
		this.jdbc
			.sql("INSERT INTO club_module_completions (enrollment_id, producer_account_id, module_id, completed_at) "
					+ "VALUES (?, ?, ?, ?)")
			.params(enrollmentId, producerAccountId, moduleId, Times.utc(now))
			.update();
		return true;
	}

	/**
	 * @return the page the student opened last in the enrolment's product
	 */
	public Optional<Long> lastPage(long enrollmentId) {
		return this.jdbc.sql("SELECT page_id FROM club_last_pages WHERE enrollment_id = ?")
			.param(enrollmentId)
			.query(Long.class)
			.optional();
	}

	/**
	 * Remembers the page a student opened last. Opening the same page again within
	 * {@link #LAST_PAGE_RESOLUTION} writes nothing: a lesson page is opened far more
	 * often than it changes, and each write was a new row version and a commit to disk.
	 */
	public void setLastPage(long enrollmentId, long producerAccountId, long pageId, Instant now) {
		int updated = this.jdbc
			.sql("UPDATE club_last_pages SET page_id = ?, opened_at = ? WHERE enrollment_id = ? "
					+ "AND (page_id <> ? OR opened_at < ?)")
			.params(pageId, Times.utc(now), enrollmentId, pageId, Times.utc(now.minus(LAST_PAGE_RESOLUTION)))
			.update();
		if (updated == 0) {
			// the first view, or a repeat that changes nothing; two tabs opening
			// the first lesson at once both get here, and the second insert does
			// nothing
			this.jdbc
				.sql("INSERT INTO club_last_pages (enrollment_id, producer_account_id, page_id, opened_at) "
						+ "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
				.params(enrollmentId, producerAccountId, pageId, Times.utc(now))
				.update();
		}
	}

}
