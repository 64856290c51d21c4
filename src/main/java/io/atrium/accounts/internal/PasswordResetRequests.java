package io.atrium.accounts.internal;

import java.time.Clock;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.atrium.shared.EmailAddress;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * "Forgot your password?" answers at once and does the same work for every address: it
 * queues a background task with the address. The task, on whichever instance picks it,
 * looks the account up and sends the link ({@link AccountService#sendPasswordReset}). So
 * the page's answer and its response time never reveal whether the address has an
 * account.
 */
@Component
public class PasswordResetRequests {

	static final String TASK = "password-reset-request";

	private final SchedulerClient scheduler;

	private final OneTimeTask<String> task;

	private final Clock clock;

	PasswordResetRequests(@Lazy SchedulerClient scheduler, OneTimeTask<String> passwordResetTask, Clock clock) {
		this.scheduler = scheduler;
		this.task = passwordResetTask;
		this.clock = clock;
	}

	/** Queues a reset request for an address. */
	public void request(EmailAddress email) {
		this.scheduler.scheduleIfNotExists(this.task.instance(UUID.randomUUID().toString(), email.value()),
				this.clock.instant());
	}

	@Configuration(proxyBeanMethods = false)
	static class TaskDefinition {

		@Bean
		OneTimeTask<String> passwordResetTask(@Lazy AccountService accounts) {
			return Tasks.oneTime(TASK, String.class)
				.execute((instance, context) -> accounts.sendPasswordReset(EmailAddress.of(instance.getData())));
		}

	}

}
