package io.atrium.api;

import java.time.Instant;

/**
 * A credential just created: the only time its secret is known in clear text. Show it
 * once and drop it; {@link #toString()} hides the secret and the basic token.
 *
 * @param id the credential's id
 * @param name the name the producer gave it
 * @param clientId the public client id
 * @param clientSecret the client secret (256 random bits, base64url)
 * @param basicToken Base64 of {@code clientId:clientSecret}, the value Hotmart calls the
 * "basic" credential ({@code Authorization: Basic <basicToken>})
 * @param createdAt when it was created
 */
public record CreatedCredential(long id, String name, String clientId, String clientSecret, String basicToken,
		Instant createdAt) {

	@Override
	public String toString() {
		return "CreatedCredential[id=" + this.id + ", name=" + this.name + ", clientId=" + this.clientId
				+ ", clientSecret=***, basicToken=***, createdAt=" + this.createdAt + "]";
	}

}
