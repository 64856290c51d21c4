package io.atrium.events.internal;

import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.atrium.events.StuckPublications;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's background work on db-scheduler, so exactly one instance of a cluster
 * runs each execution: {@code events-resubmit} every {@code atrium.events.resubmit-every}
 * and {@code events-delete-completed} hourly. The service is looked up when a task runs:
 * the scheduler is built before the services that use it.
 */
@Configuration(proxyBeanMethods = false)
class EventRegistryTasks {

	@Bean
	RecurringTask<Void> resubmitIncompleteEvents(ObjectProvider<StuckPublications> publications,
			EventSettings settings) {
		return Tasks.recurring("events-resubmit", Schedules.fixedDelay(settings.resubmitEvery()))
			// ahead of a backlog of e-mails: work that keeps the rest moving
			.defaultPriority(Priority.HIGH)
			.execute((instance, context) -> publications.getObject().resubmitDue());
	}

	@Bean
	RecurringTask<Void> deleteCompletedEvents(ObjectProvider<StuckPublications> publications) {
		return Tasks.recurring("events-delete-completed", Schedules.fixedDelay(java.time.Duration.ofHours(1)))
			.execute((instance, context) -> publications.getObject().deleteCompleted());
	}

}
