package io.atrium.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What {@link Browser#checkPage()} checks on a loaded page.
 */
final class PageChecks {

	/** The share of the viewport's height the header may take. */
	static final double MAX_HEADER_SHARE = 0.15;

	private final ChromeDriver driver;

	PageChecks(ChromeDriver driver) {
		this.driver = driver;
	}

	/**
	 * @return serious and critical axe-core violations
	 */
	List<String> accessibility() {
		return AccessibilityCheck.seriousViolations(this.driver).stream().map((v) -> "accessibility: " + v).toList();
	}

	/**
	 * @return errors the browser console logged since the last call: script errors,
	 * Content-Security-Policy refusals, sub-resources that failed to load. The page's own
	 * status (a 404 page a test opens on purpose) and the favicon are not errors here.
	 */
	List<String> consoleErrors() {
		List<LogEntry> entries;
		try {
			entries = this.driver.manage().logs().get(LogType.BROWSER).getAll();
		}
		catch (WebDriverException ex) {
			// a driver without log access: the other checks still run
			return List.of();
		}
		String page = this.driver.getCurrentUrl();
		List<String> errors = new ArrayList<>();
		for (LogEntry entry : entries) {
			String message = entry.getMessage();
			boolean pageStatus = message.startsWith(page + " - Failed to load resource");
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !pageStatus
					&& !message.contains("/favicon.ico")) {
				errors.add("console: " + message);
			}
		}
		return errors;
	}

	/**
	 * @return a complaint when the page's header takes more than
	 * {@link #MAX_HEADER_SHARE} of the viewport's height (so a phone shows little else)
	 */
	@SuppressWarnings("unchecked")
	List<String> tallHeader() {
		List<Number> sizes = (List<Number>) this.driver.executeScript(Scripts.HEADER_HEIGHT);
		if (sizes.isEmpty()) {
			return List.of();
		}
		double header = sizes.get(0).doubleValue();
		double viewport = sizes.get(1).doubleValue();
		return (header <= MAX_HEADER_SHARE * viewport) ? List.of()
				: List.of("tall header: " + Math.round(header) + "px of a " + Math.round(viewport)
						+ "px viewport, more than " + Math.round(MAX_HEADER_SHARE * 100) + "%");
	}

	/**
	 * @return what sticks out sideways, empty when the page fits the viewport's width
	 */
	@SuppressWarnings("unchecked")
	List<String> horizontalOverflow() {
		List<String> overflow = (List<String>) this.driver.executeScript(Scripts.OVERFLOW);
		return overflow.isEmpty() ? List.of() : List.of("horizontal overflow: " + String.join(", ", overflow));
	}

}
