package io.atrium.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mail outbox's db-scheduler tasks: {@code mail-outbox} wakes an instance's
 * {@link OutboxSender} every {@code atrium.mail.poll-interval} (one instance per
 * execution; every instance also wakes its own sender after each commit that queued
 * mail), so retries that came due and messages a dead instance held go out.
 * <p>
 * {@code send-mail} (one execution per message) is how mail was sent before batches; an
 * execution left from then, or scheduled by an older instance during a rolling deploy,
 * only wakes the sender, which sends its message with the rest.
 */
@Configuration(proxyBeanMethods = false)
class MailTasks {

	@Bean
	RecurringTask<Void> mailOutboxTask(ObjectProvider<OutboxSender> sender, MailSettings settings) {
		return Tasks.recurring("mail-outbox", Schedules.fixedDelay(settings.pollInterval()))
			.execute((instance, context) -> sender.getObject().wake());
	}

	@Bean
	OneTimeTask<Void> sendMailTaskDefinition(ObjectProvider<OutboxSender> sender) {
		return Tasks.oneTime("send-mail").execute((instance, context) -> sender.getObject().wake());
	}

}
