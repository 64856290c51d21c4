package io.atrium.platform;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes attempt counters whose allowance is whole again, hourly, on db-scheduler (one
 * instance of a cluster runs each execution). The limits are looked up when the task
 * runs: the scheduler is built before the services that use it.
 */
@Configuration(proxyBeanMethods = false)
class AttemptLimitsTasks {

	@Bean
	RecurringTask<Void> deleteRefilledAttemptCounters(ObjectProvider<AttemptLimits> limits) {
		return Tasks.recurring("attempt-counters-cleanup", Schedules.fixedDelay(Duration.ofHours(1)))
			.execute((instance, context) -> limits.getObject().deleteRefilled());
	}

}
