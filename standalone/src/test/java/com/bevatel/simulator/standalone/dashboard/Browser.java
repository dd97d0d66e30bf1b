package com.bevatel.simulator.standalone.dashboard;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromedriver} (or the
 * paths in {@code -Ddashboard.chromium=} / {@code -Ddashboard.chromedriver=}). Where they are missing
 * the tests are skipped with the reason, except in CI (env {@code CI} set, or
 * {@code -Ddashboard.browser.required=true}), where that is a failure: the browser test never
 * silently skips there.
 */
final class Browser {
    static final Path CHROMIUM = Path.of(System.getProperty("dashboard.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("dashboard.chromedriver", "/usr/bin/chromedriver"));

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    private Browser() {
    }

    static boolean installed() {
        return missing(CHROMIUM, CHROMEDRIVER).isEmpty();
    }

    /** Fails (CI) or skips (elsewhere) unless both executables are there. */
    static void requireInstalled() {
        String missing = missing(CHROMIUM, CHROMEDRIVER);
        if (missing.isEmpty()) {
            return;
        }
        if (required()) {
            fail(missing + " — required in CI, so this is a failure, not a skip");
        }
        System.err.println("WARNING: " + missing + " — browser test skipped");
        Assumptions.abort(missing + " — browser test skipped");
    }

    /**
     * What is missing, naming each absent executable and how to get it; empty when both are there.
     * Each path is checked on its own, so a missing chromedriver is not blamed on Chromium.
     */
    static String missing(Path chromium, Path chromedriver) {
        List<String> absent = new ArrayList<>();
        List<String> packages = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        if (!Files.isExecutable(chromium)) {
            absent.add("Chromium (" + describe(chromium) + ")");
            packages.add("chromium");
            properties.add("-Ddashboard.chromium=PATH");
        }
        if (!Files.isExecutable(chromedriver)) {
            absent.add("chromedriver (" + describe(chromedriver) + ")");
            packages.add("chromium-driver");
            properties.add("-Ddashboard.chromedriver=PATH");
        }
        if (absent.isEmpty()) {
            return "";
        }
        return String.join(" and ", absent) + (absent.size() == 1 ? " is" : " are")
                + " missing; on Debian/Ubuntu: apt-get install " + String.join(" ", packages)
                + ", or pass " + String.join(" ", properties);
    }

    /** The path, and whether it is absent or there but not executable. */
    private static String describe(Path path) {
        return path + (Files.exists(path) ? " is not executable" : " not found");
    }

    private static boolean required() {
        String ci = System.getenv("CI");
        return (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"))
                || Boolean.getBoolean("dashboard.browser.required");
    }

    /** A fresh headless Chromium at 1280×800 with its own throwaway profile. */
    static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking switches Chromium stalls on a machine without internet.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT);
        // Keeps the page's console, so a test can fail on a script error.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // --window-size sizes the window; make the page itself (the viewport) 1280×800.
        Map<?, ?> viewport = (Map<?, ?>) driver.executeScript(
                "return {width: window.innerWidth, height: window.innerHeight}");
        Dimension window = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(
                window.getWidth() + WIDTH - ((Number) viewport.get("width")).intValue(),
                window.getHeight() + HEIGHT - ((Number) viewport.get("height")).intValue()));
        return driver;
    }

    static Path newProfile() {
        try {
            return Files.createTempDirectory("dashboard-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
