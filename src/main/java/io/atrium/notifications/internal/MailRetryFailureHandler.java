package io.atrium.notifications.internal;

import java.time.Duration;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;

/**
 * What db-scheduler does when a {@code send-mail} execution throws: reschedule it after
 * the {@link MailRetryPolicy}'s backoff, or, once the attempts are used up, remove the
 * execution and mark the message FAILED.
 */
class MailRetryFailureHandler implements FailureHandler<Void> {

	private final MailRetryPolicy policy;

	private final MailDelivery delivery;

	MailRetryFailureHandler(MailRetryPolicy policy, MailDelivery delivery) {
		this.policy = policy;
		this.delivery = delivery;
	}

	@Override
	public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
		int failedAttempts = complete.getExecution().consecutiveFailures + 1;
		Optional<Duration> delay = this.policy.delayAfter(failedAttempts);
		if (delay.isPresent()) {
			operations.reschedule(complete, complete.getTimeDone().plus(delay.get()));
		}
		else {
			operations.stop();
			this.delivery.giveUp(Long.parseLong(complete.getExecution().taskInstance.getId()));
		}
	}

}
