package io.atrium.platform.web;

import java.util.ArrayList;
import java.util.List;

import io.atrium.platform.StartupNotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Logs one block once Atrium is ready: the address it answers on, the database it uses
 * and every {@link StartupNotes} line other modules contribute.
 */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final Environment environment;

	private final ObjectProvider<StartupNotes> notes;

	StartupBanner(Environment environment, ObjectProvider<StartupNotes> notes) {
		this.environment = environment;
		this.notes = notes;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		int port = (event.getApplicationContext() instanceof WebServerApplicationContext web
				&& web.getWebServer() != null) ? web.getWebServer().getPort() : -1;
		String baseUrl = baseUrl(this.environment.getProperty("atrium.base-url"), port,
				this.environment.getProperty("server.servlet.context-path"));
		List<String> lines = new ArrayList<>();
		lines.add("database " + database(this.environment.getProperty("spring.datasource.url")));
		lines.add("health " + baseUrl + "/actuator/health, metrics " + baseUrl + "/actuator/prometheus");
		this.notes.orderedStream().forEach((source) -> lines.addAll(source.startupNotes(baseUrl)));
		log.info(message(baseUrl, lines));
	}

	static String message(String baseUrl, List<String> lines) {
		StringBuilder text = new StringBuilder("Atrium is running at ").append(baseUrl);
		lines.forEach((line) -> text.append(System.lineSeparator()).append("  ").append(line));
		return text.toString();
	}

	/**
	 * The configured {@code atrium.base-url}, or else {@code http://localhost:<port>}
	 * with the port the server really listens on.
	 */
	static String baseUrl(String configured, int port, String contextPath) {
		if (configured != null && !configured.isBlank() && !configured.strip().endsWith(":0")) {
			return configured.strip().replaceAll("/+$", "");
		}
		String path = (contextPath == null) ? "" : contextPath.replaceAll("/+$", "");
		return "http://localhost:" + ((port > 0) ? port : 8080) + path;
	}

	/** The database URL without options, which may carry a password. */
	static String database(String url) {
		if (url == null || url.isBlank()) {
			return "(embedded default)";
		}
		int options = url.length();
		for (char separator : new char[] { '?', ';' }) {
			int at = url.indexOf(separator);
			if (at >= 0) {
				options = Math.min(options, at);
			}
		}
		return url.substring(0, options);
	}

}
