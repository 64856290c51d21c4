package io.atrium.api.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTests {

	private Instant now = Instant.parse("2026-12-07T10:00:30Z");

	private final Clock clock = new Clock() {

		@Override
		public Instant instant() {
			return RateLimiterTests.this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	};

	private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
			"jdbc:h2:mem:rate_" + UUID.randomUUID().toString().replace("-", "")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");

	private RateLimiter limiter;

	private RateLimiter otherInstance;

	@BeforeEach
	void createTable() throws Exception {
		Path migration;
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
			migration = files.filter((f) -> f.getFileName().toString().endsWith("__api_rate_windows.sql"))
				.findFirst()
				.orElseThrow();
		}
		for (String statement : Files.readString(migration).replaceAll("(?m)^--.*$", "").split(";")) {
			if (!statement.isBlank()) {
				JdbcClient.create(this.dataSource).sql(statement).update();
			}
		}
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(this.dataSource);
		this.limiter = new RateLimiter(3, this.dataSource, transactions, this.clock);
		this.otherInstance = new RateLimiter(3, this.dataSource, transactions, this.clock);
	}

	@Test
	void aFixedWindowOfOneMinuteFromTheFirstCall() {
		assertThat(this.limiter.apiCall(1).remaining()).isEqualTo(2);
		assertThat(this.limiter.apiCall(1).remaining()).isEqualTo(1);
		RateLimiter.Decision last = this.limiter.apiCall(1);
		assertThat(last.allowed()).isTrue();
		assertThat(last.remaining()).isZero();
		assertThat(last.resetSeconds()).isEqualTo(60);

		advance(Duration.ofSeconds(20));
		RateLimiter.Decision refused = this.limiter.apiCall(1);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.remaining()).isZero();
		assertThat(refused.retryAfterSeconds()).isEqualTo(40);
		assertThat(refused.resetSeconds()).isEqualTo(40);

		advance(Duration.ofSeconds(40));
		RateLimiter.Decision renewed = this.limiter.apiCall(1);
		assertThat(renewed.allowed()).isTrue();
		assertThat(renewed.remaining()).isEqualTo(2);
		assertThat(renewed.resetSeconds()).isEqualTo(60);
	}

	@Test
	void bucketsAreSeparatePerCredentialAndForTokenRequests() {
		for (int i = 0; i < 3; i++) {
			this.limiter.apiCall(7);
		}
		assertThat(this.limiter.apiCall(7).allowed()).isFalse();
		assertThat(this.limiter.apiCall(8).allowed()).isTrue();
		assertThat(this.limiter.tokenRequest("7").allowed()).isTrue();
		assertThat(this.limiter.apiCall(7).limit()).isEqualTo(3);
	}

	@Test
	void instancesOnOneDatabaseCountTogether() {
		assertThat(this.limiter.apiCall(5).allowed()).isTrue();
		assertThat(this.otherInstance.apiCall(5).remaining()).isEqualTo(1);
		assertThat(this.limiter.apiCall(5).allowed()).isTrue();
		assertThat(this.otherInstance.apiCall(5).allowed()).isFalse();
		String longId = "x".repeat(500);
		assertThat(this.otherInstance.tokenRequest(longId).remaining()).isEqualTo(2);
		assertThat(this.limiter.tokenRequest(longId).remaining()).isEqualTo(1);
	}

	@Test
	void aClockGoneBackMoreThanAMinuteStartsANewWindow() {
		for (int i = 0; i < 4; i++) {
			this.limiter.apiCall(9);
		}
		assertThat(this.limiter.apiCall(9).allowed()).isFalse();
		advance(Duration.ofMinutes(-5));
		assertThat(this.limiter.apiCall(9).remaining()).isEqualTo(2);
	}

	@Test
	void endedWindowsAreDeleted() {
		this.limiter.apiCall(1);
		advance(Duration.ofSeconds(30));
		this.limiter.apiCall(2);
		advance(Duration.ofSeconds(30));
		assertThat(this.limiter.deleteEnded()).isEqualTo(1);
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT bucket_key FROM api_rate_windows")
			.query(String.class)
			.list()).containsExactly("api:2");
	}

	private void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

}
