package io.atrium;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Atrium: a self-hostable creator-commerce platform. One modular monolith; every
 * top-level package under {@code io.atrium} is a business module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AtriumApplication {

	public static void main(String[] args) {
		SpringApplication.run(AtriumApplication.class, args);
	}

	/**
	 * The one source of time. Domain code never calls {@code now()} itself; tests replace
	 * this bean with a clock they can move.
	 * @return the system clock in UTC
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
