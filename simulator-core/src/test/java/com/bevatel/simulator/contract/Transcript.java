package com.bevatel.simulator.contract;

import static org.assertj.core.api.Assertions.fail;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A request/response transcript, written as the requests are made, and compared byte for byte
 * with a committed golden file. Bodies appear exactly as they crossed the wire.
 *
 * <pre>
 * ## 3. Open a conversation
 * &gt; POST /api/v1/accounts/1/conversations
 * &gt; {"source_id":"…","inbox_id":2}
 * &lt; 200 application/json; charset=utf-8
 * &lt; {"meta":{…},"id":1,…}
 * </pre>
 *
 * Webhook deliveries, once the delivery journal lands, go under the step that caused them as
 * {@code ~ <event> → <receiver>} / {@code ~ <body>} line pairs, in a stable order (the journal's
 * delivery order is not guaranteed: sort by receiver, then event, then body).
 */
final class Transcript {
    /** The directory of the golden files, relative to the module (Surefire's working directory). */
    static final Path GOLDEN = Path.of("src", "test", "resources", "contract", "golden");
    static final String UPDATE_PROPERTY = "golden.update";
    static final String REGENERATE = "mvn -B -pl simulator-core test -Dtest=GoldenTranscriptTest -Dgolden.update=true";

    private final StringBuilder text = new StringBuilder();
    private int steps;

    Transcript(String title, String setup) {
        text.append("# ").append(title).append('\n')
                .append("# ").append(setup).append('\n')
                .append("# Golden file: compared byte for byte. Regenerate after a deliberate change with\n")
                .append("#   ").append(REGENERATE).append('\n');
    }

    /** Sends one request with {@code client}, records it and its response; returns the response's JSON (null if empty). */
    JsonNode step(String title, Http client, String method, String path, String body) {
        Http.Result result = client.send(method, path, body, body == null ? null : "application/json");
        text.append("\n## ").append(++steps).append(". ").append(title).append('\n')
                .append("> ").append(method).append(' ').append(path).append('\n');
        if (body != null) {
            text.append("> ").append(body).append('\n');
        }
        text.append("< ").append(result.status()).append(' ').append(result.contentType()).append('\n');
        if (!result.body().isEmpty()) {
            text.append("< ").append(result.body()).append('\n');
        }
        return result.body().isEmpty() ? null : result.json();
    }

    String text() {
        return text.toString();
    }

    /**
     * Compares with {@code GOLDEN/file}; with {@code -Dgolden.update=true} rewrites it instead.
     * A difference fails naming the first line that differs.
     */
    void assertMatchesGolden(String file) {
        Path golden = GOLDEN.resolve(file);
        byte[] actual = text().getBytes(StandardCharsets.UTF_8);
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(golden.getParent());
                Files.write(golden, actual);
                return;
            }
            if (!Files.exists(golden)) {
                fail("no golden transcript " + golden.toAbsolutePath() + "; create it with: " + REGENERATE);
            }
            byte[] expected = Files.readAllBytes(golden);
            if (!java.util.Arrays.equals(expected, actual)) {
                fail(firstDifference(golden, new String(expected, StandardCharsets.UTF_8), text()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstDifference(Path golden, String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        int line = 0;
        while (line < want.size() && line < got.size() && want.get(line).equals(got.get(line))) {
            line++;
        }
        return "the transcript differs from " + golden + " at line " + (line + 1) + ":\n  golden: "
                + (line < want.size() ? want.get(line) : "(end of file)") + "\n  now:    "
                + (line < got.size() ? got.get(line) : "(end of transcript)")
                + "\nIf the change is deliberate, regenerate with: " + REGENERATE;
    }
}
