package io.atrium.notifications.internal;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Schedules the db-scheduler task {@code send-mail}, whose task instance is the outbox id
 * and which runs {@link MailDelivery#deliver(long)}.
 * <p>
 * Cluster safety comes from db-scheduler: every instance of Atrium polls the same
 * {@code scheduled_tasks} table and each execution is picked by exactly one of them (an
 * optimistically locked update of its row), so two instances never send the same message.
 * An instance that dies while sending stops its heartbeat; another instance then revives
 * the execution, so nothing is lost.
 */
@Component
class SendMailTask {

	static final TaskDescriptor<Void> TASK = TaskDescriptor.of("send-mail");

	private final SchedulerClient scheduler;

	private final Clock schedulerClock;

	SendMailTask(SchedulerClient scheduler, Clock schedulerClock) {
		this.scheduler = scheduler;
		this.schedulerClock = schedulerClock;
	}

	/**
	 * Schedules delivery of a new outbox message as soon as possible. Joins the caller's
	 * transaction: the db-scheduler starter wraps the DataSource in a
	 * {@code TransactionAwareDataSourceProxy}, so a rollback removes the execution too.
	 * @param id the outbox id
	 */
	void scheduleNow(long id) {
		this.scheduler.schedule(instance(id));
	}

	/**
	 * Schedules delivery again, unless an execution is still there.
	 * @param id the outbox id
	 * @return whether an execution was scheduled
	 */
	boolean scheduleAgain(long id) {
		return this.scheduler.schedule(instance(id), ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
	}

	private SchedulableInstance<Void> instance(long id) {
		// "now" on the scheduler's own clock: a test clock moved forward must not delay
		// mail
		return TASK.instance(String.valueOf(id)).scheduledTo(this.schedulerClock.now());
	}

	/**
	 * What db-scheduler does when a {@code send-mail} execution throws: reschedule it
	 * with its exponential backoff ({@code initialDelay × factor^(failures - 1)} after
	 * the failure), and once {@code maxAttempts} attempts have failed remove the
	 * execution and mark the message FAILED for the admin mailbox.
	 * @param retry the retry settings
	 * @param delivery marks the message FAILED
	 * @return the failure handler
	 */
	static FailureHandler<Void> retries(MailSettings.Retry retry, MailDelivery delivery) {
		return FailureHandler.<Void>maxRetries(retry.maxAttempts() - 1)
			.withBackoff(retry.initialDelay(), retry.factor())
			.thenRemove((complete) -> delivery.giveUp(Long.parseLong(complete.getExecution().taskInstance.getId())));
	}

	/** Declares the task; the db-scheduler starter picks up every task bean. */
	@Configuration(proxyBeanMethods = false)
	static class Declaration {

		@Bean
		OneTimeTask<Void> sendMailTaskDefinition(MailDelivery delivery, MailSettings settings) {
			return Tasks.oneTime(TASK)
				.onFailure(retries(settings.retry(), delivery))
				.execute((instance, context) -> delivery.deliver(Long.parseLong(instance.getId())));
		}

	}

}
