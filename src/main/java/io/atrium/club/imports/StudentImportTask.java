package io.atrium.club.imports;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task {@code club-student-import}: its instance id is the import's id
 * and it runs {@link StudentImports#run(long)}. db-scheduler hands each execution to
 * exactly one instance of Atrium and revives it when that instance dies, so an import is
 * never processed twice at once and never lost. The service is looked up when the task
 * runs: the scheduler is built before the services that use it.
 */
@Configuration(proxyBeanMethods = false)
class StudentImportTask {

	static final TaskDescriptor<Void> TASK = TaskDescriptor.of("club-student-import");

	@Bean
	OneTimeTask<Void> clubStudentImportTask(ObjectProvider<StudentImports> imports) {
		return Tasks.oneTime(TASK)
			.execute((instance, context) -> imports.getObject().run(Long.parseLong(instance.getId())));
	}

}
