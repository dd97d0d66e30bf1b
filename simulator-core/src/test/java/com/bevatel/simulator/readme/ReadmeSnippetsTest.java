package com.bevatel.simulator.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README shows some source files whole, each behind a {@code <!-- snippet: path -->} line; those
 * files are compiled and run by the build, and this test keeps the README's copy equal to them, so
 * what a new user copies is what the build ran.
 */
class ReadmeSnippetsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+) -->\\n```\\w*\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyShownFileIsTheFileAsBuilt() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        Map<String, String> shown = new LinkedHashMap<>();
        Matcher m = SNIPPET.matcher(readme);
        while (m.find()) {
            shown.put(m.group(1), m.group(2));
        }
        assertThat(shown.keySet()).as("the README's snippet markers").contains(
                "junit-extension/src/test/java/com/bevatel/simulator/junit/example/OrderSupportBridgeTest.java",
                "simulator-core/src/test/java/com/bevatel/simulator/readme/EmbeddingExample.java",
                "junit-extension/src/test/java/com/bevatel/simulator/junit/example/EchoBotTest.java",
                "spring-boot-example/src/test/java/com/bevatel/simulator/springboot/example/AgainstBevatel.java",
                "spring-boot-example/src/test/java/com/bevatel/simulator/springboot/example/SupportDeskTest.java");
        shown.forEach((path, text) -> {
            Path file = ROOT.resolve(path);
            assertThat(file).as("the file the README shows").exists();
            try {
                assertThat(text).as("README.md's copy of %s (update one from the other)", path)
                        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
