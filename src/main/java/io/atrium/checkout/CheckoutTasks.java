package io.atrium.checkout;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The checkout's background work, on db-scheduler (one instance runs each execution):
 * recovering purchases left STARTED, expiring unpaid PIX and billets, completing
 * purchases whose guarantee ended and refunding requests left unanswered. The checkout is
 * looked up when a task runs: the scheduler is built before the services that use it.
 */
@Configuration(proxyBeanMethods = false)
class CheckoutTasks {

	@Bean
	RecurringTask<Void> recoverStartedPurchases(ObjectProvider<Checkout> checkout) {
		return Tasks.recurring("checkout-recover-started", Schedules.fixedDelay(Duration.ofSeconds(30)))
			// ahead of a backlog of e-mails: work that keeps the rest moving
			.defaultPriority(Priority.HIGH)
			.execute((instance, context) -> checkout.getObject().recoverStarted());
	}

	@Bean
	RecurringTask<Void> expirePendingPurchases(ObjectProvider<Checkout> checkout) {
		return Tasks.recurring("checkout-expire-pending", Schedules.fixedDelay(Duration.ofSeconds(60)))
			// ahead of a backlog of e-mails: work that keeps the rest moving
			.defaultPriority(Priority.HIGH)
			.execute((instance, context) -> checkout.getObject().expirePending());
	}

	@Bean
	RecurringTask<Void> completeEndedGuarantees(ObjectProvider<Refunds> refunds) {
		return Tasks.recurring("checkout-complete-guarantees", Schedules.fixedDelay(Duration.ofMinutes(10)))
			.execute((instance, context) -> refunds.getObject().completeEnded());
	}

	@Bean
	RecurringTask<Void> refundOverdueRequests(ObjectProvider<Refunds> refunds) {
		return Tasks.recurring("checkout-refund-overdue-requests", Schedules.fixedDelay(Duration.ofMinutes(10)))
			.execute((instance, context) -> refunds.getObject().refundOverdueRequests());
	}

}
