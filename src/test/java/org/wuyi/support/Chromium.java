package org.wuyi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, for the browser tests. Skipped, with a message saying how to enable it,
 * where no Chromium is installed; with {@code -Dwuyi.browser-tests.required=true} (CI) its absence fails instead.
 */
public final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of(System.getProperty("wuyi.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        if (Boolean.getBoolean("wuyi.browser-tests.required")) {
            assertThat(EXECUTABLE).as("Chromium, required for the browser tests in CI").isExecutable();
        }
        assumeTrue(Files.isExecutable(EXECUTABLE), "Browser tests skipped: no Chromium at " + EXECUTABLE
                + ". Install Debian's Chromium (apt-get install -y chromium) or pass -Dwuyi.chromium=PATH to run them.");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    /** Signs in on the login page of the Wuyi at {@code base} ("http://localhost:PORT"). */
    public static void logIn(Page page, String base, String username, String password) {
        page.navigate(base + "/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("form button[type=submit]").click();
        page.waitForLoadState();
    }

    /** A full-page screenshot under {@code target/screenshots}, to look at after the run. */
    public static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        playwright.close();
    }
}
