package io.atrium.accounts.internal;

import io.atrium.shared.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first platform admin comes from configuration: {@code atrium.admin.email} (env
 * {@code ATRIUM_ADMIN_EMAIL}) and optionally {@code atrium.admin.password}. With a
 * password the account is active at once; without one it gets an activation e-mail.
 * Nothing happens when an admin already exists.
 */
@Component
class FirstAdmin {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final AccountService accounts;

	private final String email;

	private final String password;

	FirstAdmin(AccountService accounts, @Value("${atrium.admin.email:}") String email,
			@Value("${atrium.admin.password:}") String password) {
		this.accounts = accounts;
		this.email = email;
		this.password = password;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void ensureFirstAdmin() {
		if (this.email.isBlank() || this.accounts.anyAdmin()) {
			return;
		}
		if (!EmailAddress.isValidInput(this.email)) {
			log.error("ATRIUM_ADMIN_EMAIL is not an e-mail address: {}", this.email);
			return;
		}
		this.accounts.ensureAdmin(EmailAddress.of(this.email), "Admin", this.password);
		log.info("Platform admin {} created from configuration{}", this.email,
				this.password.isEmpty() ? "; activation e-mail queued" : "");
	}

}
