package io.atrium.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code webhook-signature} is {@code v1,} and the base64
 * HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<body>} under the secret's
 * decoded bytes (the part after {@code whsec_}); during a rotation one signature per
 * valid secret, separated by spaces.
 */
public final class WebhookSignatures {

	/** The prefix of a signing secret. */
	public static final String SECRET_PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignatures() {
	}

	/**
	 * @return a new secret: {@code whsec_} and the base64 of 32 random bytes
	 */
	public static String newSecret() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/**
	 * @param secrets the valid secrets, newest first
	 * @param id the {@code webhook-id}
	 * @param timestamp the {@code webhook-timestamp} (epoch seconds)
	 * @param body the exact body
	 * @return the {@code webhook-signature} header
	 */
	public static String sign(List<String> secrets, String id, long timestamp, String body) {
		String content = id + "." + timestamp + "." + body;
		return secrets.stream().map((s) -> "v1," + hmac(s, content)).collect(Collectors.joining(" "));
	}

	private static String hmac(String secret, String content) {
		String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
