package com.bevatel.simulator.standalone.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One headless Chromium for a test class, with a throwaway profile removed afterwards:
 * {@code @RegisterExtension static final BrowserSession BROWSER = new BrowserSession();}. Where
 * Chromium is missing nothing starts, and each test's {@link Browser#requireInstalled()} says why.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback {
    /**
     * Selenium warns that it has no DevTools (CDP) support for this Chromium's version; these tests
     * use WebDriver only. Held here so the level sticks (JUL keeps loggers weakly).
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private Path profile;
    private ChromeDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (Browser.installed()) {
            CDP_VERSION_FINDER.setLevel(Level.SEVERE);
            profile = Browser.newProfile();
            driver = Browser.start(profile);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    ChromeDriver driver() {
        return driver;
    }
}
