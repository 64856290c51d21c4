package io.atrium.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.InvalidSelectorException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium showing the Atrium under test, with the few moves a journey needs.
 * Every page it opens, and every page a click or form submission lands on, is checked:
 * axe-core finds no serious or critical accessibility violation, the browser console
 * shows no script, CSP or resource error, nothing overflows sideways (at desktop and at
 * phone width) and the header takes at most 15% of the viewport's height. Get one as a
 * test method parameter in a class annotated {@link BrowserTest}.
 */
public final class Browser implements AutoCloseable {

	/** The desktop window every test starts with. */
	public static final Dimension DESKTOP = new Dimension(1280, 900);

	/** A phone viewport (an iPhone 12-15 held upright). */
	public static final Dimension PHONE = new Dimension(390, 844);

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ChromeDriver driver;

	private final Path profile;

	private final PageChecks checks;

	private String baseUrl = "http://localhost:8080";

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
		this.checks = new PageChecks(driver);
	}

	static Browser start() {
		Path profile;
		try {
			profile = Files.createTempDirectory("atrium-chromium-");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create a browser profile directory", ex);
		}
		try {
			return new Browser(Chromium.start(profile), profile);
		}
		catch (RuntimeException ex) {
			Chromium.delete(profile);
			throw ex;
		}
	}

	/** Forgets cookies and the phone viewport, and leaves any page: a fresh start. */
	void reset(String baseUrl) {
		this.baseUrl = baseUrl;
		this.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		this.driver.get("about:blank");
		desktop();
	}

	/**
	 * @return the address the application under test listens on, e.g.
	 * {@code http://localhost:41234}
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Loads a page and checks it (see the class comment).
	 * @param pathOrUrl a path such as {@code /login?lang=es}, or an absolute link (one
	 * from an e-mail, for example)
	 * @return this browser
	 */
	public Browser open(String pathOrUrl) {
		this.driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : this.baseUrl + pathOrUrl);
		waitForLoad();
		checkPage();
		return this;
	}

	/**
	 * Types into a field, replacing what it held.
	 * @param labelOrId the text of the field's label (or aria-label), or its id. Fields
	 * in {@code <main>} win over same-labelled ones in the header.
	 * @param value what to type
	 * @return this browser
	 */
	public Browser fill(String labelOrId, String value) {
		WebElement field = field(labelOrId);
		field.clear();
		field.sendKeys(value);
		return this;
	}

	/**
	 * Chooses an option of a {@code <select>} by its visible text, or else by its value.
	 * @param labelOrId the select's label text or id
	 * @param option the option's text or value
	 * @return this browser
	 */
	public Browser select(String labelOrId, String option) {
		Select select = new Select(field(labelOrId));
		boolean byText = select.getOptions().stream().anyMatch((o) -> o.getText().strip().equals(option));
		if (byText) {
			select.selectByVisibleText(option);
		}
		else {
			select.selectByValue(option);
		}
		return this;
	}

	/**
	 * Ticks a checkbox (or picks a radio button) if it is not already.
	 * @param labelOrId its label text or id
	 * @return this browser
	 */
	public Browser check(String labelOrId) {
		WebElement box = field(labelOrId);
		if (!box.isSelected()) {
			// to the middle of the window first: a box at the very bottom can sit under a
			// sticky bar
			this.driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", box);
			box.click();
		}
		return this;
	}

	/**
	 * Clicks a link or button. When that leaves the page (a link, a form submission) it
	 * waits for the next page and checks it; a submission the browser refuses (an empty
	 * required field) therefore fails with a timeout naming the button.
	 * @param textOrSelector the visible text (or aria-label) of a link or button, those
	 * in {@code <main>} first; or else a CSS selector
	 * @return this browser
	 */
	public Browser click(String textOrSelector) {
		WebElement target = clickable(textOrSelector);
		boolean leaves = Boolean.TRUE.equals(this.driver.executeScript(Scripts.LEAVES_PAGE, target));
		WebElement html = this.driver.findElement(By.tagName("html"));
		// headless Chromium's viewport is shorter than its window; bring the target to
		// the middle first
		this.driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", target);
		target.click();
		if (leaves) {
			until((d) -> gone(html), "a new page after clicking '" + textOrSelector + "'"
					+ " (a required field may be empty or invalid)");
			waitForLoad();
			checkPage();
		}
		return this;
	}

	/**
	 * @param cssSelector what to wait for
	 * @return the element once it is visible
	 */
	public WebElement waitFor(String cssSelector) {
		return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)), cssSelector);
	}

	/**
	 * Waits until the page's visible text contains {@code text}.
	 * @param text the expected text
	 * @return this browser
	 */
	public Browser waitForText(String text) {
		until((d) -> text().contains(text), "the text '" + text + "'");
		return this;
	}

	/**
	 * Waits until the browser is on {@code path} (for example after a redirect).
	 * @param path a path without query, such as {@code /business}
	 * @return this browser
	 */
	public Browser waitForPath(String path) {
		until((d) -> path().equals(path), "the path " + path);
		return this;
	}

	/**
	 * @return the visible text of the whole page
	 */
	public String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	/**
	 * @return the text of the page's first {@code <h1>}
	 */
	public String heading() {
		return this.driver.findElement(By.tagName("h1")).getText().strip();
	}

	/**
	 * @return the path of the current page, without query, such as {@code /login}
	 */
	public String path() {
		return URI.create(this.driver.getCurrentUrl()).getPath();
	}

	/**
	 * @return the whole address of the current page
	 */
	public String url() {
		return this.driver.getCurrentUrl();
	}

	/**
	 * @return the {@code lang} attribute of the page's {@code <html>}
	 */
	public String lang() {
		return this.driver.findElement(By.tagName("html")).getDomAttribute("lang");
	}

	/**
	 * Emulates a phone (390x844, touch, mobile viewport) until {@link #desktop()}.
	 * @return this browser
	 */
	public Browser phone() {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", PHONE.getWidth(), "height", PHONE.getHeight(), "deviceScaleFactor", 2, "mobile", true));
		return this;
	}

	/**
	 * Back to the 1280x900 desktop window.
	 * @return this browser
	 */
	public Browser desktop() {
		this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		this.driver.manage().window().setSize(DESKTOP);
		return this;
	}

	/**
	 * Presses Tab, as a keyboard user moving to the next control.
	 * @return the element that has the focus afterwards
	 */
	public WebElement tab() {
		new Actions(this.driver).sendKeys(Keys.TAB).perform();
		return focused();
	}

	/**
	 * @return the element that has the keyboard focus
	 */
	public WebElement focused() {
		return this.driver.switchTo().activeElement();
	}

	/**
	 * @param element a focused element
	 * @return whether it shows a focus indicator a sighted keyboard user can see: it
	 * matches {@code :focus-visible}, is larger than a pixel and draws an outline or
	 * shadow
	 */
	public boolean hasVisibleFocus(WebElement element) {
		return Boolean.TRUE.equals(this.driver.executeScript(Scripts.VISIBLE_FOCUS, element));
	}

	/**
	 * Runs every page check now: axe-core, the browser console, the sideways overflow and
	 * the header's height. {@link #open} and page-leaving {@link #click}s call it
	 * already.
	 */
	public void checkPage() {
		List<String> problems = new ArrayList<>();
		this.checks.accessibility().forEach(problems::add);
		this.checks.consoleErrors().forEach(problems::add);
		this.checks.horizontalOverflow().forEach(problems::add);
		this.checks.tallHeader().forEach(problems::add);
		if (!problems.isEmpty()) {
			throw new AssertionError("Page " + this.driver.getCurrentUrl() + " fails its checks:\n  - "
					+ String.join("\n  - ", problems));
		}
	}

	/** Fails when the page is wider than the viewport (sideways scrolling on a phone). */
	public void assertNoHorizontalOverflow() {
		List<String> problems = this.checks.horizontalOverflow();
		if (!problems.isEmpty()) {
			throw new AssertionError(this.driver.getCurrentUrl() + ": " + String.join("; ", problems));
		}
	}

	/**
	 * @return the underlying Selenium driver, for what the helpers above do not cover
	 */
	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Saves a screenshot and the page's HTML as {@code <name>.png} and
	 * {@code <name>.html}.
	 * @param directory where to save
	 * @param name the file name without extension
	 * @return the screenshot's path
	 */
	Path save(Path directory, String name) throws IOException {
		Files.createDirectories(directory);
		Path png = directory.resolve(name + ".png");
		Files.write(png, this.driver.getScreenshotAs(OutputType.BYTES));
		Files.writeString(directory.resolve(name + ".html"),
				"<!-- " + this.driver.getCurrentUrl() + " -->\n" + this.driver.getPageSource(), StandardCharsets.UTF_8);
		return png;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			Chromium.delete(this.profile);
		}
	}

	private WebElement field(String labelOrId) {
		Object found = this.driver.executeScript(Scripts.FIELD, labelOrId);
		if (found instanceof WebElement element) {
			return element;
		}
		throw new AssertionError("No field labelled or with id '" + labelOrId + "' on " + url() + "; labels: "
				+ this.driver.executeScript(Scripts.LABELS));
	}

	private WebElement clickable(String textOrSelector) {
		Object found = this.driver.executeScript(Scripts.CLICKABLE, textOrSelector);
		if (found instanceof WebElement element) {
			return element;
		}
		try {
			List<WebElement> matches = this.driver.findElements(By.cssSelector(textOrSelector));
			if (!matches.isEmpty()) {
				return matches.get(0);
			}
		}
		catch (InvalidSelectorException ex) {
			// not a selector either
		}
		throw new AssertionError("Nothing to click named '" + textOrSelector + "' on " + url() + "; links and buttons: "
				+ this.driver.executeScript(Scripts.CLICKABLE_TEXTS));
	}

	/**
	 * Whether an element left the document. Chromium sometimes answers a navigation in
	 * progress with "Node with given id does not belong to the document" rather than a
	 * stale reference: both mean the old page is gone.
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	private void waitForLoad() {
		until((d) -> "complete".equals(this.driver.executeScript("return document.readyState")), "the page to load");
	}

	private <T> T until(Function<WebDriver, T> condition, String what) {
		try {
			return new WebDriverWait(this.driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Waited " + WAIT.toSeconds() + "s for " + what + " on " + url(), ex);
		}
	}

}
