package io.atrium.club.groups;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task {@code club-student-bulk}: its instance id is the bulk action's
 * id and it runs {@link StudentBulkActions#run(long)}, on exactly one instance of Atrium
 * at a time, revived when that instance dies. The service is looked up when the task
 * runs: the scheduler is built before the services that use it.
 */
@Configuration(proxyBeanMethods = false)
class StudentBulkActionTask {

	static final TaskDescriptor<Void> TASK = TaskDescriptor.of("club-student-bulk");

	@Bean
	OneTimeTask<Void> clubStudentBulkTask(ObjectProvider<StudentBulkActions> actions) {
		return Tasks.oneTime(TASK)
			.execute((instance, context) -> actions.getObject().run(Long.parseLong(instance.getId())));
	}

}
