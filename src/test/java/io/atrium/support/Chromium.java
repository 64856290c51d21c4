package io.atrium.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Finds and starts Debian's headless Chromium through its ChromeDriver. Paths can be
 * moved with the system properties {@code atrium.browser.binary} and
 * {@code atrium.browser.driver}.
 */
final class Chromium {

	static final Path BINARY = Path.of(System.getProperty("atrium.browser.binary", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getProperty("atrium.browser.driver", "/usr/bin/chromedriver"));

	// Selenium warns that it has no DevTools bindings for Debian's newer Chromium; the
	// harness
	// only uses WebDriver and ChromeDriver's own CDP endpoint, which need none. Kept in a
	// field
	// because java.util.logging holds loggers weakly.
	private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
			Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

	static {
		QUIET.forEach((logger) -> logger.setLevel(Level.SEVERE));
	}

	private Chromium() {
	}

	/**
	 * @return a sentence saying what is missing, or {@code null} when both the browser
	 * and its driver are installed
	 */
	static String missing() {
		List<String> missing = Stream.of(BINARY, DRIVER)
			.filter((p) -> !Files.isExecutable(p))
			.map(Path::toString)
			.toList();
		return missing.isEmpty() ? null : "Browser tests need " + String.join(" and ", missing)
				+ " (apt-get install -y chromium chromium-driver)";
	}

	/**
	 * Whether a missing browser fails the build instead of skipping the browser tests.
	 */
	static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("ATRIUM_REQUIRE_BROWSER"));
	}

	/**
	 * Starts a headless browser with its own profile directory.
	 * @param profile an empty directory the browser may use and the caller deletes
	 * @return the driver
	 */
	static ChromeDriver start(Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
				"--disable-quic", "--disable-extensions",
				// no smooth scrolling and no transitions: a click or a colour read
				// mid-motion
				// sees the page between two states
				"--force-prefers-reduced-motion", "--disable-default-apps", "--hide-scrollbars", "--lang=en-US",
				"--window-size=" + Browser.DESKTOP.getWidth() + "," + Browser.DESKTOP.getHeight(),
				"--user-data-dir=" + profile.toAbsolutePath(),
				// pages must work with no outside network: any other host fails to
				// resolve
				"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(30))
			.withLogOutput(OutputStream.nullOutputStream())
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		return driver;
	}

	/** Deletes a browser profile directory, ignoring files the browser still holds. */
	static void delete(Path directory) {
		if (directory == null || !Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((p) -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (IOException ex) {
					// a lock file the exiting browser still holds; the OS temp cleaner
					// takes it
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
