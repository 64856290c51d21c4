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
 * {@code mail_outbox} and schedules its delivery ({@link SendMailTask}). If the caller
 * rolls back, neither the row nor the delivery remain, so nothing is sent for work that
 * did not happen.
 */
@Service
class OutboxMailer implements Mailer {

	private final MailRenderer renderer;

	private final OutboxRepository outbox;

	private final SendMailTask sendMail;

	private final Clock clock;

	OutboxMailer(MailRenderer renderer, OutboxRepository outbox, SendMailTask sendMail, Clock clock) {
		this.renderer = renderer;
		this.outbox = outbox;
		this.sendMail = sendMail;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public long enqueue(OutgoingMail mail) {
		if (!EmailAddress.isValidInput(mail.to())) {
			throw new IllegalArgumentException("Not an e-mail address: " + mail.to());
		}
		RenderedMail rendered = this.renderer.render(mail);
		long id = this.outbox.insert(rendered, this.clock.instant());
		this.sendMail.scheduleNow(id);
		return id;
	}

}
