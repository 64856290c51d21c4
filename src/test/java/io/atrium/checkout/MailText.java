package io.atrium.checkout;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The decoded plain-text part of a received e-mail.
 */
final class MailText {

	private MailText() {
	}

	static String of(MimeMessage message) {
		try {
			String text = find(message);
			if (text == null) {
				throw new AssertionError("No text/plain part");
			}
			return text;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String find(Part part) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				String text = find(body);
				if (text != null) {
					return text;
				}
			}
			return null;
		}
		return part.isMimeType("text/plain") ? (String) part.getContent() : null;
	}

}
