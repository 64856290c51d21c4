package io.atrium.notifications.internal;

import java.time.Clock;

import io.atrium.notifications.Mailer;
import io.atrium.notifications.OutgoingMail;
import io.atrium.shared.EmailAddress;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link Mailer}: renders the mail and, in the caller's transaction, stores it in
 * {@code mail_outbox}, due at once; after the caller commits it wakes this instance's
 * {@link OutboxSender}. If the caller rolls back, the row does not remain and nobody is
 * woken, so nothing is sent for work that did not happen.
 */
@Service
class OutboxMailer implements Mailer {

	private final MailRenderer renderer;

	private final OutboxRepository outbox;

	private final OutboxSender sender;

	private final Clock clock;

	private final com.github.kagkarlsson.scheduler.Clock realTime;

	OutboxMailer(MailRenderer renderer, OutboxRepository outbox, OutboxSender sender, Clock clock,
			com.github.kagkarlsson.scheduler.Clock realTime) {
		this.renderer = renderer;
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
		RenderedMail rendered = this.renderer.render(mail);
		// due on the real clock: a test clock moved forward must not delay mail
		long id = this.outbox.insert(rendered, this.clock.instant(), this.realTime.now());
		this.sender.wakeAfterCommit();
		return id;
	}

}
