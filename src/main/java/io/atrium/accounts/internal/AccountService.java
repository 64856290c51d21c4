package io.atrium.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.accounts.PasswordChanged;
import io.atrium.accounts.Role;
import io.atrium.accounts.internal.AccountTokens.Purpose;
import io.atrium.notifications.Mailer;
import io.atrium.notifications.OutgoingMail;
import io.atrium.platform.BaseUrl;
import io.atrium.platform.SupportedLanguages;
import io.atrium.shared.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account life cycle: sign-up, activation, password reset, roles and profile. Every
 * e-mail it sends goes through the outbox in the same transaction.
 */
@Service
public class AccountService implements Accounts {

	private static final Logger log = LoggerFactory.getLogger(AccountService.class);

	private final AccountRepository accounts;

	private final AccountTokens tokens;

	private final PasswordEncoder passwords;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AccountService(AccountRepository accounts, AccountTokens tokens, PasswordEncoder passwords, Mailer mailer,
			BaseUrl baseUrl, Clock clock, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Signs a producer up. A new address gets a pending producer account and an
	 * activation e-mail. An address that already has an account is never changed by an
	 * anonymous sign-up: its owner gets an e-mail saying someone tried (with a new
	 * activation link when the account is still pending) and how to start selling from
	 * the profile. The caller answers the same in every case, so the page never tells
	 * whether an address has an account.
	 */
	@Transactional
	public void signUpProducer(EmailAddress email, String name, Locale locale) {
		Optional<AccountRecord> existing = this.accounts.findByEmail(email.value());
		if (existing.isEmpty()) {
			long id = insertOrFind(email, name, locale, true, false, false);
			AccountRecord account = this.accounts.findById(id).orElseThrow();
			// a concurrent purchase may have created the account first: then it is not
			// ours
			// to make a producer, and its owner hears about the attempt instead
			if (account.active()) {
				send(account, AccountNotice.ALREADY_REGISTERED, this.baseUrl.link("/login"));
			}
			else {
				sendActivation(account,
						account.producer() ? AccountNotice.ACTIVATION : AccountNotice.ALREADY_REGISTERED_PENDING);
			}
			log.info("Producer sign-up for account {}", id);
			return;
		}
		AccountRecord account = existing.get();
		if (account.active()) {
			send(account, AccountNotice.ALREADY_REGISTERED, this.baseUrl.link("/login"));
		}
		else {
			sendActivation(account, AccountNotice.ALREADY_REGISTERED_PENDING);
		}
		log.info("Sign-up attempt for existing account {}; account left unchanged", account.id());
	}

	/**
	 * Sends a new activation link when the address belongs to a pending account;
	 * otherwise nothing.
	 */
	@Transactional
	public void resendActivation(EmailAddress email) {
		this.accounts.findByEmail(email.value())
			.filter((a) -> !a.active())
			.ifPresent((a) -> sendActivation(a, AccountNotice.ACTIVATION));
	}

	/** The pending account an activation token opens, without using the token. */
	@Transactional(readOnly = true)
	public Optional<AccountRecord> pendingAccountFor(String token) {
		return this.tokens.peek(token, Purpose.ACTIVATION).flatMap(this.accounts::findById);
	}

	/**
	 * Activates the account of a token and sets its password.
	 * @return the activated account, or empty when the token is unknown, used or expired
	 */
	@Transactional
	public Optional<AccountRecord> activate(String token, String password) {
		requireAcceptable(password);
		Optional<Long> id = this.tokens.consume(token, Purpose.ACTIVATION);
		if (id.isEmpty()) {
			return Optional.empty();
		}
		AccountRecord account = this.accounts.findById(id.get()).orElseThrow();
		Instant now = this.clock.instant();
		if (account.active()) {
			this.accounts.setPassword(account.id(), this.passwords.encode(password), now);
		}
		else {
			this.accounts.activate(account.id(), this.passwords.encode(password), now);
		}
		this.tokens.revokeAll(account.id(), Purpose.ACTIVATION);
		this.events.publishEvent(new PasswordChanged(new AccountId(account.id()), account.email(), null));
		log.info("Account {} activated", account.id());
		return this.accounts.findById(account.id());
	}

	/**
	 * The second half of "Forgot your password?", run in the background so the page
	 * answers in the same time whether or not the address has an account: an active
	 * account gets a reset link (valid one hour), a pending one a new activation link, an
	 * unknown address nothing.
	 */
	@Transactional
	public void sendPasswordReset(EmailAddress email) {
		Optional<AccountRecord> found = this.accounts.findByEmail(email.value());
		if (found.isEmpty()) {
			log.info("Password reset requested for an address without an account");
			return;
		}
		AccountRecord account = found.get();
		if (!account.active()) {
			sendActivation(account, AccountNotice.ACTIVATION);
			return;
		}
		String token = this.tokens.issue(account.id(), Purpose.PASSWORD_RESET);
		send(account, AccountNotice.PASSWORD_RESET, this.baseUrl.link("/reset-password/" + token));
		log.info("Password reset link sent for account {}", account.id());
	}

	/** Whether a reset token is valid now, without using it. */
	@Transactional(readOnly = true)
	public boolean resetTokenValid(String token) {
		return this.tokens.peek(token, Purpose.PASSWORD_RESET).isPresent();
	}

	/**
	 * Sets a new password from a reset link: the one password for every product and
	 * members area. Ends every other session of the account and tells the owner by
	 * e-mail.
	 * @return the account, or empty when the token is unknown, used or expired
	 */
	@Transactional
	public Optional<AccountRecord> resetPassword(String token, String password, String currentSessionId) {
		requireAcceptable(password);
		Optional<Long> id = this.tokens.consume(token, Purpose.PASSWORD_RESET);
		if (id.isEmpty()) {
			return Optional.empty();
		}
		AccountRecord account = this.accounts.findById(id.get()).orElseThrow();
		this.accounts.setPassword(account.id(), this.passwords.encode(password), this.clock.instant());
		this.tokens.revokeAll(account.id(), Purpose.PASSWORD_RESET);
		send(account, AccountNotice.PASSWORD_CHANGED, this.baseUrl.link("/forgot-password"));
		this.events.publishEvent(new PasswordChanged(new AccountId(account.id()), account.email(), currentSessionId));
		log.info("Password reset for account {}", account.id());
		return this.accounts.findById(account.id());
	}

	/** Updates name and language. */
	@Transactional
	public void updateProfile(long accountId, String name, Locale locale) {
		this.accounts.updateProfile(accountId, name.strip(), SupportedLanguages.tagOf(locale));
	}

	/** Gives an account the producer role ("Start selling" on the profile). */
	@Transactional
	public void becomeProducer(long accountId) {
		this.accounts.grant(accountId, true, false, false);
	}

	/**
	 * Gives an account the admin role, creating it pending (with an activation e-mail) if
	 * needed.
	 */
	@Transactional
	public AccountRecord ensureAdmin(EmailAddress email, String name, String password) {
		long id = insertOrFind(email, name, SupportedLanguages.DEFAULT, false, false, true);
		this.accounts.grant(id, false, false, true);
		AccountRecord account = this.accounts.findById(id).orElseThrow();
		if (!account.active()) {
			if (password != null && !password.isEmpty()) {
				requireAcceptable(password);
				this.accounts.activate(id, this.passwords.encode(password), this.clock.instant());
			}
			else {
				sendActivation(account, AccountNotice.ACTIVATION);
			}
		}
		return this.accounts.findById(id).orElseThrow();
	}

	@Override
	@Transactional
	public AccountSummary createActive(EmailAddress email, String name, String password, Locale locale,
			Set<Role> roles) {
		requireAcceptable(password);
		boolean producer = roles.contains(Role.PRODUCER);
		boolean student = roles.contains(Role.STUDENT);
		boolean admin = roles.contains(Role.ADMIN);
		long id = insertOrFind(email, name, locale, producer, student, admin);
		this.accounts.grant(id, producer, student, admin);
		this.accounts.activate(id, this.passwords.encode(password), this.clock.instant());
		return this.accounts.findById(id).orElseThrow().summary();
	}

	/** Whether any account exists. */
	@Transactional(readOnly = true)
	public boolean anyAccount() {
		return this.accounts.count() > 0;
	}

	/** Whether any admin exists. */
	@Transactional(readOnly = true)
	public boolean anyAdmin() {
		return this.accounts.anyAdmin();
	}

	/** Accounts whose e-mail or name contains the text, newest first. */
	@Transactional(readOnly = true)
	public List<AccountRecord> search(String text, int limit) {
		return this.accounts.search((text == null) ? "" : text.strip(), limit);
	}

	/** The account by id. */
	@Transactional(readOnly = true)
	public Optional<AccountRecord> record(long id) {
		return this.accounts.findById(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AccountSummary> find(AccountId id) {
		return this.accounts.findById(id.value()).map(AccountRecord::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccountSummary> admins() {
		return this.accounts.admins().stream().map(AccountRecord::summary).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AccountSummary> findByEmail(EmailAddress email) {
		return this.accounts.findByEmail(email.value()).map(AccountRecord::summary);
	}

	@Override
	@Transactional
	public StudentEnrollment ensureStudent(EmailAddress email, String name, Locale locale) {
		Optional<AccountRecord> found = this.accounts.findByEmail(email.value());
		if (found.isPresent() && found.get().student()) {
			// a subscriber's renewal, a returning buyer: one read, nothing written
			return new StudentEnrollment(found.get().summary(), false);
		}
		boolean existed = found.isPresent();
		long id = existed ? found.get().id() : insertOrFind(email, name, locale, false, true, false);
		this.accounts.grant(id, false, true, false);
		return new StudentEnrollment(this.accounts.findById(id).orElseThrow().summary(), !existed);
	}

	@Override
	@Transactional
	public String activationLink(AccountId id) {
		AccountRecord account = this.accounts.findById(id.value()).orElseThrow();
		if (account.active()) {
			throw new IllegalStateException("Account " + id.value() + " is already active");
		}
		return this.baseUrl.link("/activate/" + this.tokens.issue(account.id(), Purpose.ACTIVATION));
	}

	@Override
	@Transactional
	public StudentEnrollment inviteStudent(EmailAddress email, String name, Locale locale) {
		StudentEnrollment enrollment = ensureStudent(email, name, locale);
		AccountRecord account = this.accounts.findById(enrollment.account().id().value()).orElseThrow();
		if (account.active()) {
			send(account, AccountNotice.INVITATION_EXISTING, this.baseUrl.link("/login"));
		}
		else {
			sendActivation(account, AccountNotice.INVITATION);
		}
		log.info("Student invitation sent to account {}", account.id());
		return enrollment;
	}

	private long insertOrFind(EmailAddress email, String name, Locale locale, boolean producer, boolean student,
			boolean admin) {
		Optional<AccountRecord> existing = this.accounts.findByEmail(email.value());
		if (existing.isPresent()) {
			return existing.get().id();
		}
		String cleanName = (name == null || name.isBlank()) ? email.value().substring(0, email.value().indexOf('@'))
				: name.strip();
		// another request may create the same account at the same moment: one account per
		// e-mail
		return this.accounts
			.insertIfAbsent(email.value(), cleanName, AccountRecord.PENDING, SupportedLanguages.tagOf(locale), producer,
					student, admin, this.clock.instant())
			.orElseGet(() -> this.accounts.findByEmail(email.value()).orElseThrow().id());
	}

	private void sendActivation(AccountRecord account, AccountNotice notice) {
		String token = this.tokens.issue(account.id(), Purpose.ACTIVATION);
		send(account, notice, this.baseUrl.link("/activate/" + token));
	}

	private void send(AccountRecord account, AccountNotice notice, String link) {
		this.mailer.enqueue(new OutgoingMail(account.email(), account.preferredLocale(), notice.subjectKey, List.of(),
				AccountNotice.TEMPLATE, Map.of("name", account.name(), "link", link, "intro", notice.introKey, "button",
						notice.buttonKey, "note", notice.noteKey)));
	}

	private static void requireAcceptable(String password) {
		String problem = PasswordPolicy.problem(password);
		if (problem != null) {
			throw new UnacceptablePasswordException(problem);
		}
	}

}
