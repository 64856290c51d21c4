package io.atrium.notifications;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The decoded plain text and HTML parts of a received e-mail.
 *
 * @param text the text/plain part, or null
 * @param html the text/html part, or null
 */
record MailParts(String text, String html) {

	static MailParts of(MimeMessage message) {
		try {
			String[] found = new String[2];
			collect(message, found);
			return new MailParts(found[0], found[1]);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void collect(Part part, String[] found) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				collect(body, found);
			}
		}
		else if (part.isMimeType("text/plain") && found[0] == null) {
			found[0] = (String) part.getContent();
		}
		else if (part.isMimeType("text/html") && found[1] == null) {
			found[1] = (String) part.getContent();
		}
	}

}
