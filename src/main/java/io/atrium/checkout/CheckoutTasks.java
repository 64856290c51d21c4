package io.atrium.checkout;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The checkout's background work, on db-scheduler (one instance runs each execution):
 * recovering purchases left STARTED, and expiring unpaid PIX and billets. The checkout is
 * looked up when a task runs: the scheduler is built before the services that use it.
 */
@Configuration(proxyBeanMethods = false)
class CheckoutTasks {

	@Bean
	RecurringTask<Void> recoverStartedPurchases(ObjectProvider<Checkout> checkout) {
		return Tasks.recurring("checkout-recover-started", Schedules.fixedDelay(Duration.ofSeconds(30)))
			.execute((instance, context) -> checkout.getObject().recoverStarted());
	}

	@Bean
	RecurringTask<Void> expirePendingPurchases(ObjectProvider<Checkout> checkout) {
		return Tasks.recurring("checkout-expire-pending", Schedules.fixedDelay(Duration.ofSeconds(60)))
			.execute((instance, context) -> checkout.getObject().expirePending());
	}

}
