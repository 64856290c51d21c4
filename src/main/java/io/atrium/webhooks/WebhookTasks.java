package io.atrium.webhooks;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.atrium.webhooks.internal.DeliveryRows;
import io.atrium.webhooks.internal.EndpointRows;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhooks' background work on db-scheduler (one instance runs each execution): the
 * dispatcher, the abandoned-cart scan and the purge of the log after
 * {@code atrium.webhooks.keep-log}. Services are looked up when a task runs: the
 * scheduler is built before them.
 */
@Configuration(proxyBeanMethods = false)
class WebhookTasks {

	@Bean
	RecurringTask<Void> dispatchWebhooks(ObjectProvider<WebhookDispatcher> dispatcher, WebhookSettings settings) {
		return Tasks.recurring("webhooks-dispatch", Schedules.fixedDelay(settings.pollInterval()))
			// ahead of a backlog of e-mails: work that keeps the rest moving
			.defaultPriority(Priority.HIGH)
			.execute((instance, context) -> dispatcher.getObject().dispatch());
	}

	@Bean
	RecurringTask<Void> scanAbandonedCarts(ObjectProvider<AbandonedCarts> carts, WebhookSettings settings) {
		return Tasks.recurring("webhooks-abandoned-carts", Schedules.fixedDelay(settings.abandonedCartScanEvery()))
			.execute((instance, context) -> carts.getObject().scan());
	}

	@Bean
	RecurringTask<Void> purgeWebhookLog(ObjectProvider<DeliveryRows> deliveries, ObjectProvider<EndpointRows> endpoints,
			WebhookSettings settings, Clock clock) {
		return Tasks.recurring("webhooks-purge", Schedules.fixedDelay(Duration.ofHours(1)))
			.execute((instance, context) -> {
				deliveries.getObject().purge(clock.instant().minus(settings.keepLog()));
				endpoints.getObject().purgeDeleted();
			});
	}

}
