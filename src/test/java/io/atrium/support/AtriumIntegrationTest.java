package io.atrium.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A running Atrium on a random port, on a fresh database (H2, or a fresh PostgreSQL
 * schema when the build runs with {@code -Datrium.test.db=postgres}), with a real SMTP
 * server (GreenMail, see {@link TestMail}) and a clock tests can move
 * ({@link TestClock}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "atrium.demo.enabled=false", "db-scheduler.polling-interval=200ms",
				"logging.level.com.github.kagkarlsson=WARN", "atrium.admin.email=" + AtriumIntegrationTest.ADMIN_EMAIL,
				"atrium.admin.password=" + AtriumIntegrationTest.ADMIN_PASSWORD, "atrium.events.resubmit-every=1s" })
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClock.Configuration.class)
public @interface AtriumIntegrationTest {

	/** The platform admin every test application has (from configuration). */
	String ADMIN_EMAIL = "admin@atrium.test";

	/** The admin's password. */
	String ADMIN_PASSWORD = "admin-password-for-tests";

}
