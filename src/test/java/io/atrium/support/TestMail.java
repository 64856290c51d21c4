package io.atrium.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One real SMTP server (GreenMail) for the whole test JVM. Tests use unique recipient
 * addresses and look up what arrived for them.
 */
public final class TestMail {

	private static GreenMail server;

	private TestMail() {
	}

	/**
	 * @return the port of the running test SMTP server, starting it on first use
	 */
	public static synchronized int smtpPort() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server.getSmtp().getPort();
	}

	/**
	 * @return every message received so far, for any recipient
	 */
	public static List<MimeMessage> all() {
		smtpPort();
		return Arrays.asList(server.getReceivedMessages());
	}

	/**
	 * Messages received for one recipient.
	 * @param recipient an e-mail address
	 * @return the messages, oldest first
	 */
	public static List<MimeMessage> to(String recipient) {
		return all().stream().filter((m) -> isTo(m, recipient)).toList();
	}

	/**
	 * Waits until at least {@code count} messages arrived for the recipient.
	 * @param recipient an e-mail address
	 * @param count how many messages to wait for
	 * @param timeout how long to wait
	 * @return the messages, oldest first
	 */
	public static List<MimeMessage> awaitTo(String recipient, int count, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			List<MimeMessage> received = to(recipient);
			if (received.size() >= count) {
				return received;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("Expected " + count + " e-mail(s) to " + recipient + " within " + timeout + ", got "
				+ to(recipient).size());
	}

	/**
	 * Waits for the {@code n}-th (1-based) message to a recipient.
	 * @param recipient an e-mail address
	 * @param n which message
	 * @return the message
	 */
	public static MimeMessage awaitNth(String recipient, int n) {
		return awaitTo(recipient, n, Duration.ofSeconds(20)).get(n - 1);
	}

	/**
	 * @return the whole raw body of a message (every MIME part), for assertions
	 */
	public static String body(MimeMessage message) {
		return GreenMailUtil.getBody(message);
	}

	/**
	 * @return the subject of a message
	 */
	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The first link in the message whose path contains {@code pathPart}.
	 * @param message an e-mail
	 * @param pathPart for example {@code /activate/}
	 * @return the absolute link
	 */
	public static String link(MimeMessage message, String pathPart) {
		String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
		Matcher matcher = Pattern.compile("https?://[^\\s\"'<>]*" + Pattern.quote(pathPart) + "[^\\s\"'<>]*")
			.matcher(body);
		if (!matcher.find()) {
			throw new AssertionError("No link containing " + pathPart + " in:\n" + body);
		}
		return matcher.group();
	}

	private static boolean isTo(MimeMessage message, String recipient) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((a) -> a.toString().toLowerCase().contains(recipient.toLowerCase()));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

}
