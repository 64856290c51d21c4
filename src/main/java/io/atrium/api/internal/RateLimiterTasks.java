package io.atrium.api.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes the API rate-limit windows that have ended, every ten minutes, on db-scheduler
 * (one instance of a cluster runs each execution). The limiter is looked up when the task
 * runs: the scheduler is built before the services that use it.
 */
@Configuration(proxyBeanMethods = false)
class RateLimiterTasks {

	@Bean
	RecurringTask<Void> deleteEndedApiRateWindows(ObjectProvider<RateLimiter> limiter) {
		return Tasks.recurring("api-rate-windows-cleanup", Schedules.fixedDelay(Duration.ofMinutes(10)))
			.execute((instance, context) -> limiter.getObject().deleteEnded());
	}

}
