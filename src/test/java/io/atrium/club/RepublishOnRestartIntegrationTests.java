package io.atrium.club;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.atrium.AtriumApplication;
import io.atrium.accounts.Accounts;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Product;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.Purchase;
import io.atrium.club.groups.Enrollments;
import io.atrium.support.TestDatabase;
import io.atrium.support.TestDatabase.FreshDatabase;
import io.atrium.support.TestMail;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance killed after a purchase committed but before its enrolment ran: the next
 * start republishes the outstanding publication and the buyer is enrolled, without
 * waiting for the scheduled resubmission (which this test sets to once an hour).
 */
class RepublishOnRestartIntegrationTests {

	@Test
	void anEnrolmentLeftUndoneByACrashIsDoneWhenAtriumStartsAgain() {
		String[] args = arguments();
		long buyer;
		long purchaseId;
		try (ConfigurableApplicationContext first = start(args)) {
			ClubShop shop = shop(first);
			long producer = shop.producer();
			Product course = shop.course(producer);
			Offer offer = shop.offer(producer, course.id(), "Main");
			Purchase purchase = shop.buy(offer.code(), ClubShop.unique("bia"));
			buyer = purchase.buyerAccountId();
			purchaseId = purchase.id();
			// what a kill -9 between the purchase's commit and its enrolment leaves
			// behind
			JdbcClient jdbc = JdbcClient.create(first.getBean(DataSource.class));
			assertThat(jdbc.sql("DELETE FROM club_enrollments WHERE purchase_id = ?").param(purchaseId).update())
				.isEqualTo(1);
			assertThat(jdbc
				.sql("UPDATE event_publication SET completion_date = NULL, status = 'PUBLISHED' "
						+ "WHERE listener_id LIKE '%ClubListeners%' AND serialized_event LIKE ?")
				.param("%" + purchase.transaction() + "%")
				.update()).isEqualTo(1);
		}
		try (ConfigurableApplicationContext second = start(args)) {
			ClubShop.awaitEnrolled(second.getBean(Enrollments.class), buyer, purchaseId);
			JdbcClient jdbc = JdbcClient.create(second.getBean(DataSource.class));
			assertThat(jdbc.sql("SELECT count(*) FROM club_enrollments WHERE purchase_id = ?")
				.param(purchaseId)
				.query(Long.class)
				.single()).isEqualTo(1L);
		}
	}

	private static ClubShop shop(ConfigurableApplicationContext context) {
		return new ClubShop(context.getBean(Accounts.class), context.getBean(Products.class),
				context.getBean(Offers.class), context.getBean(Checkout.class), context.getBean(Enrollments.class));
	}

	private static ConfigurableApplicationContext start(String[] args) {
		return new SpringApplicationBuilder(AtriumApplication.class).run(args);
	}

	/**
	 * One database for both starts: a file on H2 (an in-memory one would outlive the
	 * first start only half-way), a fresh schema on PostgreSQL.
	 */
	private static String[] arguments() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--atrium.demo.enabled=false",
				"--atrium.events.resubmit-every=1h", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + TestMail.smtpPort(), "--atrium.mail.from=Atrium <no-reply@atrium.test>"));
		if ("postgres".equals(TestDatabase.kind())) {
			FreshDatabase database = TestDatabase.fresh();
			args.add("--spring.datasource.url=" + database.url());
			args.add("--spring.datasource.username=");
			args.add("--spring.datasource.password=");
			args.add("--spring.flyway.default-schema=" + database.schema());
			args.add("--spring.datasource.hikari.maximum-pool-size=4");
		}
		else {
			Path file = Path.of("target", "restart-test", UUID.randomUUID().toString()).toAbsolutePath();
			args.add("--spring.datasource.url=jdbc:h2:file:" + file
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		}
		return args.toArray(String[]::new);
	}

}
