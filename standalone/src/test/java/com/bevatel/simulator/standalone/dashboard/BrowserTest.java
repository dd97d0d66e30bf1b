package com.bevatel.simulator.standalone.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The skip message names exactly what is missing, and how to get it. */
class BrowserTest {
    @TempDir
    Path dir;

    @Test
    void bothThereIsNothingMissing() throws IOException {
        assertThat(Browser.missing(executable("chromium"), executable("chromedriver"))).isEmpty();
    }

    @Test
    void aMissingChromedriverIsNotBlamedOnChromium() throws IOException {
        Path driver = dir.resolve("chromedriver");
        String missing = Browser.missing(executable("chromium"), driver);
        assertThat(missing).isEqualTo("chromedriver (" + driver + " not found) is missing; on Debian/Ubuntu:"
                + " apt-get install chromium-driver, or pass -Ddashboard.chromedriver=PATH");
        assertThat(missing).doesNotContain("Chromium");
    }

    @Test
    void aChromiumThatIsNotExecutableIsNamedAsSuch() throws IOException {
        Path chromium = Files.createFile(dir.resolve("chromium"));
        assertThat(Browser.missing(chromium, executable("chromedriver"))).isEqualTo("Chromium (" + chromium
                + " is not executable) is missing; on Debian/Ubuntu: apt-get install chromium,"
                + " or pass -Ddashboard.chromium=PATH");
    }

    @Test
    void bothMissingNamesBothAndBothPackages() {
        String missing = Browser.missing(dir.resolve("chromium"), dir.resolve("chromedriver"));
        assertThat(missing).startsWith("Chromium (" + dir.resolve("chromium") + " not found) and chromedriver (")
                .contains(" are missing; ", "apt-get install chromium chromium-driver",
                        "-Ddashboard.chromium=PATH -Ddashboard.chromedriver=PATH");
    }

    private Path executable(String name) throws IOException {
        Path file = Files.createFile(dir.resolve(name));
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }
}
