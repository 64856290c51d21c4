package io.atrium.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The public address of this Atrium, used in e-mails and anywhere an absolute link is
 * needed: {@code atrium.base-url} (env {@code ATRIUM_BASE_URL}) when set, otherwise
 * {@code http://localhost:<the port the server listens on>}.
 */
@Component
public class BaseUrl {

	private final String configured;

	private volatile String derived = "http://localhost:8080";

	BaseUrl(@Value("${atrium.base-url:}") String configured) {
		this.configured = (configured == null) ? "" : configured.strip().replaceAll("/+$", "");
	}

	@EventListener
	void onServerStarted(WebServerInitializedEvent event) {
		this.derived = "http://localhost:" + event.getWebServer().getPort();
	}

	/**
	 * @return the base address without a trailing slash, for example
	 * {@code https://atrium.example.com}
	 */
	public String value() {
		return this.configured.isEmpty() ? this.derived : this.configured;
	}

	/**
	 * @param path an absolute path such as {@code /login}
	 * @return the absolute link
	 */
	public String link(String path) {
		return value() + path;
	}

}
