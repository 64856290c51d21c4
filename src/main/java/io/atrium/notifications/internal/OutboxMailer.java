package io.atrium.notifications.internal;

import java.time.Clock;
import java.util.Optional;

import io.atrium.notifications.Mailer;
import io.atrium.notifications.OutgoingMail;
import io.atrium.shared.EmailAddress;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link Mailer}: in the caller's transaction, stores the mail in
 * {@code mail_outbox}, due at once (its subject resolved; its parts rendered later by the
 * sender, see {@link MailRendering}, unless its variables are not plain data); after the
 * caller commits it wakes this instance's {@link OutboxSender}. If the caller rolls back,
 * the row does not remain and nobody is woken, so nothing is sent for work that did not
 * happen.
 */
@Service
class OutboxMailer implements Mailer {

	private final MailRenderer renderer;

	private final MailRendering rendering;

	private final OutboxRepository outbox;

	private final OutboxSender sender;

	private final Clock clock;

	private final com.github.kagkarlsson.scheduler.Clock realTime;

	OutboxMailer(MailRenderer renderer, MailRendering rendering, OutboxRepository outbox, OutboxSender sender,
			Clock clock, com.github.kagkarlsson.scheduler.Clock realTime) {
		this.renderer = renderer;
		this.rendering = rendering;
		this.outbox = outbox;
		this.sender = sender;
		this.clock = clock;
		this.realTime = realTime;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public long enqueue(OutgoingMail mail) {
		if (!EmailAddress.isValidInput(mail.to())) {
			throw new IllegalArgumentException("Not an e-mail address: " + mail.to());
		}
		if (!this.renderer.exists(mail.template())) {
			throw new IllegalArgumentException("No mail template " + mail.template());
		}
		Optional<String> variables = this.rendering.storable(mail.variables());
		RenderedMail rendered = variables.isPresent() ? new RenderedMail(mail.to().trim(), mail.locale(),
				mail.template(), this.renderer.subject(mail), null, null) : this.renderer.render(mail);
		// due on the real clock: a test clock moved forward must not delay mail
		long id = this.outbox.insert(rendered, variables.orElse(null), this.clock.instant(), this.realTime.now());
		this.sender.wakeAfterCommit();
		return id;
	}

}
