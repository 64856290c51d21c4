package io.atrium.accounts.internal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with Argon2id using OWASP's parameters (19 MiB memory, 2
 * iterations, parallelism 1; {@link Argon2idPasswordEncoder}), behind a delegating
 * encoder so the parameters can change later and old hashes are upgraded on the next
 * log-in.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	static final String ID = "argon2id-owasp";

	@Bean
	PasswordEncoder passwordEncoder() {
		PasswordEncoder argon2 = new Argon2idPasswordEncoder();
		return new DelegatingPasswordEncoder(ID, Map.of(ID, argon2));
	}

}
