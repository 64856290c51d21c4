package io.atrium.club.groups;

import java.time.Clock;
import java.util.List;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.content.ClubProducts;
import io.atrium.club.internal.BulkActionRows;
import io.atrium.club.internal.GroupRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk actions on every student of a product matching a filter (the Users tab's "all N
 * students matching this filter"): stored as a row with the scheduling of the
 * db-scheduler task {@code club-student-bulk} in one transaction, then run in batches of
 * {@link #BATCH} students, each batch in its own transaction together with the cursor, so
 * no request waits for it, no transaction holds thousands of rows, and a crash resumes
 * after the last batch done. The filter is evaluated again for each batch: students who
 * stopped matching are left alone, students who started matching are included.
 */
@Service
public class StudentBulkActions {

	private static final Logger log = LoggerFactory.getLogger(StudentBulkActions.class);

	/** Students per batch (and per transaction). */
	public static final int BATCH = 200;

	private final ClubProducts products;

	private final GroupRows groups;

	private final BulkActionRows rows;

	private final Enrollments enrollments;

	private final SchedulerClient scheduler;

	private final com.github.kagkarlsson.scheduler.Clock schedulerClock;

	private final TransactionTemplate transactions;

	private final Clock clock;

	StudentBulkActions(ClubProducts products, GroupRows groups, BulkActionRows rows, Enrollments enrollments,
			SchedulerClient scheduler, com.github.kagkarlsson.scheduler.Clock schedulerClock,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.products = products;
		this.groups = groups;
		this.rows = rows;
		this.enrollments = enrollments;
		this.scheduler = scheduler;
		this.schedulerClock = schedulerClock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Stores the action and schedules it.
	 * @param targetGroupId for {@link StudentBulkAction.Kind#MOVE}, a group of the
	 * product
	 * @return the action's id
	 * @throws ClubRefused when the group is missing or another product's, or no student
	 * matches
	 * @throws ClubNotFound when the product is not the producer's
	 */
	@Transactional
	public long start(long producerAccountId, long productId, StudentBulkAction.Kind kind, Long targetGroupId,
			StudentFilter filter) {
		this.products.own(producerAccountId, productId);
		Long target = null;
		if (kind == StudentBulkAction.Kind.MOVE) {
			if (targetGroupId == null || !this.groups.belongsTo(targetGroupId, productId)) {
				throw new ClubRefused("targetGroup", "students.group-required", "Choose the group.");
			}
			target = targetGroupId;
		}
		long total = this.enrollments.count(producerAccountId, productId, filter);
		if (total == 0) {
			throw new ClubRefused("students", "students.none", "Select at least one student.");
		}
		long id = this.rows.insert(productId, producerAccountId, kind, target, filter, total, this.clock.instant());
		// joins this transaction: no action without its task, no task without its action
		this.scheduler
			.schedule(StudentBulkActionTask.TASK.instance(String.valueOf(id)).scheduledTo(this.schedulerClock.now()));
		log.info("Bulk action {} ({}) on {} students of product {}", id, kind, total, productId);
		return id;
	}

	/**
	 * @return the action
	 * @throws ClubNotFound when it is not an action on the producer's product
	 */
	@Transactional(readOnly = true)
	public StudentBulkAction find(long producerAccountId, long productId, long actionId) {
		return this.rows.find(actionId)
			.filter((a) -> a.productId() == productId && a.producerAccountId() == producerAccountId)
			.orElseThrow(() -> new ClubNotFound("No bulk action " + actionId + " of product " + productId + "."));
	}

	/**
	 * Runs the batches still to do, then marks the action done. The scheduler calls this.
	 */
	void run(long actionId) {
		StudentBulkAction action = this.transactions.execute((s) -> this.rows.find(actionId)).orElse(null);
		if (action == null || action.done()) {
			return;
		}
		long cursor = action.lastId();
		while (true) {
			long after = cursor;
			Long next = this.transactions.execute((s) -> batch(action, after));
			if (next == null) {
				break;
			}
			cursor = next;
		}
		this.transactions.executeWithoutResult((s) -> this.rows.finish(actionId, this.clock.instant()));
		log.info("Bulk action {} done", actionId);
	}

	/**
	 * @return the new cursor, or null when no student is left
	 */
	private Long batch(StudentBulkAction action, long afterId) {
		List<Long> ids = this.enrollments.nextMatching(action.productId(), action.filter(), afterId, BATCH);
		if (ids.isEmpty()) {
			return null;
		}
		long producer = action.producerAccountId();
		long product = action.productId();
		int changed = switch (action.kind()) {
			case MOVE -> this.enrollments.move(producer, product, ids, action.targetGroupId());
			case BLOCK -> this.enrollments.block(producer, product, ids, true);
			case UNBLOCK -> this.enrollments.block(producer, product, ids, false);
			case RESEND -> this.enrollments.resendAccess(producer, product, ids);
		};
		long last = ids.get(ids.size() - 1);
		this.rows.advance(action.id(), changed, last);
		return last;
	}

}
