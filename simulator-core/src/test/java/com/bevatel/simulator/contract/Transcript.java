package com.bevatel.simulator.contract;

import static org.assertj.core.api.Assertions.fail;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.Receiver;
import com.bevatel.simulator.webhook.WebhookSignature;
import com.bevatel.simulator.webhook.WebhookTimeoutException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A request/response transcript with the webhook deliveries each step caused, compared byte for
 * byte with a committed golden file. Bodies appear exactly as they crossed the wire, except that the
 * simulator's own address ({@code http://127.0.0.1:<port>}, which changes with every run) is written
 * {@value #ADDRESS}.
 *
 * <pre>
 * ## 3. Open a conversation
 * &gt; POST /api/v1/accounts/1/conversations
 * &gt; {"source_id":"…","inbox_id":2}
 * &lt; 200 application/json; charset=utf-8
 * &lt; {"meta":{…},"id":1,…}
 * ~ conversation_created → API inbox 2: 200
 * ~ X-Chatwoot-Delivery: … X-Chatwoot-Timestamp: … X-Chatwoot-Signature: sha256=…
 * ~ {"additional_attributes":{},…,"event":"conversation_created"}
 * </pre>
 *
 * A step's deliveries are those whose change committed during it (their simulated time falls in
 * the step), listed receiver by receiver in the order the receivers were given, each receiver's in
 * the order it was sent them — the one order the simulator guarantees, so the file is the same on
 * every run. The flow's last step must deliver to every receiver: once that has arrived everywhere,
 * every earlier delivery has too.
 */
final class Transcript {
    /** The directory of the golden files, relative to the module (Surefire's working directory). */
    static final Path GOLDEN = Path.of("src", "test", "resources", "contract", "golden");
    static final String UPDATE_PROPERTY = "golden.update";
    static final String REGENERATE = "mvn -B -pl simulator-core test -Dtest=GoldenTranscriptTest -Dgolden.update=true";
    static final String ADDRESS = "http://simulator";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One request and the simulated time span its writes committed in: (before, after]. */
    private record Step(String text, Instant before, Instant after) {
    }

    private final BevatelSimulator sim;
    private final String header;
    private final List<Step> steps = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();

    Transcript(BevatelSimulator sim, String title, String setup) {
        this.sim = sim;
        this.header = "# " + title + '\n' + "# " + setup + '\n'
                + "# Golden file: compared byte for byte (the simulator's address written " + ADDRESS + "). Regenerate\n"
                + "# after a deliberate change with\n"
                + "#   " + REGENERATE + '\n';
    }

    /** A receiver whose deliveries the transcript lists, after those of the receivers named before it. */
    Transcript receiver(Receiver receiver) {
        receivers.add(receiver);
        return this;
    }

    /** Sends one request with {@code client}, records it and its response; returns the response's JSON (null if empty). */
    JsonNode step(String title, Http client, String method, String path, String body) {
        Instant before = sim.clock().now();
        Http.Result result = client.send(method, path, body, body == null ? null : "application/json");
        StringBuilder text = new StringBuilder();
        text.append("\n## ").append(steps.size() + 1).append(". ").append(title).append('\n')
                .append("> ").append(method).append(' ').append(path).append('\n');
        if (body != null) {
            text.append("> ").append(body).append('\n');
        }
        text.append("< ").append(result.status()).append(' ').append(result.contentType()).append('\n');
        if (!result.body().isEmpty()) {
            text.append("< ").append(result.body()).append('\n');
        }
        steps.add(new Step(text.toString(), before, sim.clock().now()));
        return result.body().isEmpty() ? null : result.json();
    }

    /** The whole transcript, once every receiver has been sent the last step's deliveries. */
    String text() {
        Step last = steps.get(steps.size() - 1);
        StringBuilder text = new StringBuilder(header);
        for (Receiver receiver : receivers) {
            try {
                sim.webhooks().await(1, d -> d.receiver().equals(receiver) && !d.simulatedTime().isBefore(last.after()), WAIT);
            } catch (WebhookTimeoutException e) {
                throw new AssertionError("the flow's last step must deliver to every receiver of the transcript, "
                        + "and " + receiver + " got nothing from it: " + e.getMessage(), e);
            }
        }
        for (Step step : steps) {
            text.append(step.text());
            for (Receiver receiver : receivers) {
                for (Delivery delivery : sim.webhooks().byReceiver(receiver)) {
                    if (delivery.simulatedTime().isAfter(step.before()) && !delivery.simulatedTime().isAfter(step.after())) {
                        append(text, delivery);
                    }
                }
            }
        }
        return text.toString().replace(sim.baseUrl().toString(), ADDRESS);
    }

    private static void append(StringBuilder text, Delivery delivery) {
        text.append("~ ").append(delivery.event()).append(" → ").append(delivery.receiver()).append(": ")
                .append(delivery.succeeded() ? String.valueOf(delivery.responseStatus()) : "FAILED " + delivery.failure())
                .append('\n');
        text.append("~ ");
        for (String name : List.of(WebhookSignature.DELIVERY_HEADER, WebhookSignature.TIMESTAMP_HEADER,
                WebhookSignature.SIGNATURE_HEADER)) {
            text.append(name).append(": ").append(delivery.header(name)).append(name.equals(WebhookSignature.SIGNATURE_HEADER) ? "" : " ");
        }
        text.append('\n').append("~ ").append(delivery.requestBody()).append('\n');
    }

    /**
     * Compares with {@code GOLDEN/file}; with {@code -Dgolden.update=true} rewrites it instead.
     * A difference fails naming the first line that differs.
     */
    void assertMatchesGolden(String file) {
        Path golden = GOLDEN.resolve(file);
        String text = text();
        byte[] actual = text.getBytes(StandardCharsets.UTF_8);
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
                fail(firstDifference(golden, new String(expected, StandardCharsets.UTF_8), text));
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
