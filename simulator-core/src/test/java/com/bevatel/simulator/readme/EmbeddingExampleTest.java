package com.bevatel.simulator.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's embedding example runs as written, and does what its comments say. */
class EmbeddingExampleTest {
    @Test
    void runsAsWritten() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("message_created -> http://127.0.0.1:")
                .contains("/_simulator/sink/hooks: {")
                .contains("\"content\":\"Hello from the dashboard, Alice\"");
    }
}
