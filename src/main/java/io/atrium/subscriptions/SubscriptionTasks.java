package io.atrium.subscriptions;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The subscriptions' background work on db-scheduler (one instance runs each execution;
 * the leases in {@link Renewals} keep two runs from taking one subscription): the renewal
 * run every 30 seconds and the renewal reminders every hour.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionTasks {

	@Bean
	RecurringTask<Void> runRenewals(ObjectProvider<Renewals> renewals,
			@Value("${atrium.subscriptions.renewal-every:30s}") Duration every) {
		return Tasks.recurring("subscriptions-renewals", Schedules.fixedDelay(every))
			// ahead of a backlog of e-mails: work that keeps the rest moving
			.defaultPriority(Priority.HIGH)
			.execute((instance, context) -> renewals.getObject().runDue());
	}

	@Bean
	RecurringTask<Void> sendRenewalReminders(ObjectProvider<SubscriptionMails> mails) {
		return Tasks.recurring("subscriptions-renewal-reminders", Schedules.fixedDelay(Duration.ofHours(1)))
			.execute((instance, context) -> mails.getObject().remindAnnualRenewals());
	}

}
