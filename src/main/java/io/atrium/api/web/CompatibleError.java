package io.atrium.api.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Hotmart error body (hotmart-api.md §2.1), plus {@code message}, which some clients
 * read instead of {@code error_description}.
 *
 * @param error the error type, for example {@code invalid_token}
 * @param errorDescription human-readable text
 * @param errorUri the documentation link Hotmart sends
 * @param message the same text for clients reading {@code message}
 */
record CompatibleError(String error, @JsonProperty("error_description") String errorDescription,
		@JsonProperty("error_uri") String errorUri, String message) {

	static final String ERROR_URI = "https://developers.hotmart.com/docs/pt-BR/start/http-response-codes/";

	static CompatibleError of(String error, String description, String message) {
		return new CompatibleError(error, description, ERROR_URI, message);
	}

}
