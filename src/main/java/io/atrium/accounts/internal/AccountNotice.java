package io.atrium.accounts.internal;

/**
 * The e-mails about an account. They share one template ({@code accounts/mail/notice}): a
 * greeting, what happened, one button with its link, and a note; each notice names its
 * messages.
 */
enum AccountNotice {

	ACTIVATION("activation.subject", "activation.intro", "activation.button", "activation.expiry"),

	INVITATION("invitation.subject", "invitation.intro", "activation.button", "activation.expiry"),

	INVITATION_EXISTING("invitation.subject", "invitation.existing", "login.button", "forgot-hint"),

	ALREADY_REGISTERED("already.subject", "already.intro", "login.button", "forgot-hint"),

	ALREADY_REGISTERED_PENDING("already.subject", "already.pending", "activation.button", "activation.expiry"),

	PASSWORD_RESET("reset.subject", "reset.intro", "reset.button", "reset.expiry"),

	PASSWORD_CHANGED("changed.subject", "changed.intro", "changed.button", "changed.not-you");

	static final String TEMPLATE = "accounts/mail/notice";

	private static final String PREFIX = "accounts.mail.";

	final String subjectKey;

	final String introKey;

	final String buttonKey;

	final String noteKey;

	AccountNotice(String subject, String intro, String button, String note) {
		this.subjectKey = PREFIX + subject;
		this.introKey = PREFIX + intro;
		this.buttonKey = PREFIX + button;
		this.noteKey = PREFIX + note;
	}

}
