package io.atrium.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiver's side of Standard Webhooks, written from the specification
 * (standard-webhooks.com) without Atrium's code: the HMAC-SHA256, under the
 * base64-decoded part of the secret after {@code whsec_}, of {@code id.timestamp.body},
 * base64-encoded, must equal one of the space-separated {@code v1,<signature>} of
 * {@code webhook-signature}, and the timestamp must be within five minutes.
 */
final class StandardWebhooksCheck {

	private StandardWebhooksCheck() {
	}

	static boolean verifies(String secret, String id, String timestamp, String signatures, String body, Instant now) {
		if (id == null || timestamp == null || signatures == null) {
			return false;
		}
		long sent = Long.parseLong(timestamp);
		if (Math.abs(now.getEpochSecond() - sent) > Duration.ofMinutes(5).toSeconds()) {
			return false;
		}
		byte[] expected;
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.split("_", 2)[1]), "HmacSHA256"));
			expected = Base64.getEncoder()
				.encode(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		for (String versioned : signatures.split(" ")) {
			String[] parts = versioned.split(",", 2);
			if (parts.length == 2 && parts[0].equals("v1")
					&& MessageDigest.isEqual(parts[1].getBytes(StandardCharsets.US_ASCII), expected)) {
				return true;
			}
		}
		return false;
	}

	static boolean verifies(String secret, Receiver.Request request, Instant now) {
		return verifies(secret, request.header("webhook-id"), request.header("webhook-timestamp"),
				request.header("webhook-signature"), request.body(), now);
	}

}
