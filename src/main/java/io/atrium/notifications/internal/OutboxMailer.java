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
 * The {@link Mailer}: in the caller's transaction, stores the mail in {@code mail_outbox}
 * (its subject resolved; its parts rendered later by the send task, see
 * {@link MailRendering}, unless its variables are not plain data) and schedules its
 * delivery ({@link SendMailTask}). If the caller rolls back, neither the row nor the
 * delivery remain, so nothing is sent for work that did not happen.
 */
@Service
class OutboxMailer implements Mailer {

	private final MailRenderer renderer;

	private final MailRendering rendering;

	private final OutboxRepository outbox;

	private final SendMailTask sendMail;

	private final Clock clock;

	OutboxMailer(MailRenderer renderer, MailRendering rendering, OutboxRepository outbox, SendMailTask sendMail,
			Clock clock) {
		this.renderer = renderer;
		this.rendering = rendering;
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
		if (!this.renderer.exists(mail.template())) {
			throw new IllegalArgumentException("No mail template " + mail.template());
		}
		Optional<String> variables = this.rendering.storable(mail.variables());
		RenderedMail rendered = variables.isPresent() ? new RenderedMail(mail.to().trim(), mail.locale(),
				mail.template(), this.renderer.subject(mail), null, null) : this.renderer.render(mail);
		long id = this.outbox.insert(rendered, variables.orElse(null), this.clock.instant());
		this.sendMail.scheduleNow(id);
		return id;
	}

}
