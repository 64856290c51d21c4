package io.atrium.api.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the client id and secret of a token request, from every shape real clients send
 * (hotmart-api.md §1): {@code Authorization: Basic <base64(id:secret)>} (prefix in any
 * case, or the bare base64 without the prefix) and/or {@code client_id} /
 * {@code client_secret} parameters. When both are present they must agree.
 */
final class ClientCredentialsRequest {

	private static final int MAX_LENGTH = 1024;

	private ClientCredentialsRequest() {
	}

	/**
	 * A presented client id and secret.
	 *
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 */
	record Presented(String clientId, String clientSecret) {

		@Override
		public String toString() {
			return "Presented[clientId=" + this.clientId + "]";
		}

	}

	/**
	 * @param authorization the Authorization header, may be null
	 * @param clientId the client_id parameter, may be null
	 * @param clientSecret the client_secret parameter, may be null
	 * @return the credentials, or empty when none were sent, they cannot be decoded, or
	 * the header and the parameters disagree
	 */
	static Optional<Presented> read(String authorization, String clientId, String clientSecret) {
		Optional<Presented> fromHeader = Optional.empty();
		if (authorization != null && !authorization.isBlank()) {
			fromHeader = decodeBasic(authorization.strip());
			if (fromHeader.isEmpty()) {
				return Optional.empty();
			}
		}
		String id = blankToNull(clientId);
		String secret = blankToNull(clientSecret);
		if (fromHeader.isPresent()) {
			Presented header = fromHeader.get();
			boolean idAgrees = id == null || id.equals(header.clientId());
			boolean secretAgrees = secret == null || secret.equals(header.clientSecret());
			return (idAgrees && secretAgrees) ? fromHeader : Optional.empty();
		}
		if (id == null || secret == null || id.length() > MAX_LENGTH || secret.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		return Optional.of(new Presented(id, secret));
	}

	private static Optional<Presented> decodeBasic(String header) {
		if (header.length() > MAX_LENGTH * 3) {
			return Optional.empty();
		}
		String encoded = header;
		// clients send "Basic <b64>", "basic <b64>", the bare value, and "Basic Basic
		// <b64>"
		// when the user pasted the value with its prefix and the client added another
		while (encoded.length() >= 6 && encoded.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
			encoded = encoded.substring(6).strip();
		}
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			try {
				decoded = Base64.getUrlDecoder().decode(encoded);
			}
			catch (IllegalArgumentException notUrl) {
				return Optional.empty();
			}
		}
		String pair = new String(decoded, StandardCharsets.UTF_8);
		int colon = pair.indexOf(':');
		if (colon <= 0 || colon == pair.length() - 1) {
			return Optional.empty();
		}
		return Optional.of(new Presented(pair.substring(0, colon), pair.substring(colon + 1)));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
