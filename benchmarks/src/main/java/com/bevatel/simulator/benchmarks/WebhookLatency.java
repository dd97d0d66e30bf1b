package com.bevatel.simulator.benchmarks;

import com.bevatel.simulator.BevatelSimulator;
import io.undertow.Undertow;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Target: message create → delivery received by a local receiver, p50 ≤ 1 ms and p99 ≤ 5 ms at
 * 1 000 messages/s. A simulator whose API inbox calls back to a bare Undertow receiver in the same
 * JVM; one client posts an outgoing message every millisecond (open loop: on schedule, whatever the
 * answers take) over a keep-alive connection. A message's latency runs from the moment its POST
 * is due to the moment the receiver has its webhook body (found by a sequence number in the content);
 * it is also reported from the moment the POST was sent, which leaves out the client's own lateness
 * (one connection: a slow answer delays the POSTs behind it) and is the create → delivery figure.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.bevatel.simulator.benchmarks.WebhookLatency [--rate 1000] [--seconds 10] [--warmup 3]</pre>
 */
public final class WebhookLatency {
    private static final String MARK = "seq-";

    private WebhookLatency() {
    }

    public static void main(String[] args) throws Exception {
        int rate = 1000;
        int seconds = 10;
        int warmup = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--rate, --seconds, --warmup)");
            }
        }
        Map<Integer, Long> received = new ConcurrentHashMap<>();
        Undertow receiver = Undertow.builder().addHttpListener(0, "127.0.0.1").setIoThreads(1)
                .setHandler(exchange -> exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
                    long now = System.nanoTime();
                    int seq = sequence(new String(body, StandardCharsets.UTF_8));
                    if (seq >= 0) {
                        received.putIfAbsent(seq, now);
                    }
                    ex.getResponseSender().send("");
                })).build();
        receiver.start();
        int receiverPort = ((InetSocketAddress) receiver.getListenerInfo().get(0).getAddress()).getPort();
        try (BevatelSimulator sim = BevatelSimulator.builder().accessToken(Workload.TOKEN)
                .apiInboxWebhookUrl(URI.create("http://127.0.0.1:" + receiverPort + "/webhook")).start();
             RawHttp http = new RawHttp("127.0.0.1", sim.port())) {
            Workload.openConversation(http);
            Map<String, String> headers = new LinkedHashMap<>(Workload.AUTH);
            headers.put("Content-Type", "application/json");
            int total = rate * (warmup + seconds);
            long[] due = new long[total];
            long[] answered = new long[total];
            long[] sent = new long[total];
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
            for (int seq = 0; seq < total; seq++) {
                due[seq] = start + seq * interval;
                while (System.nanoTime() < due[seq]) {
                    LockSupport.parkNanos(Math.min(50_000, due[seq] - System.nanoTime()));
                }
                String body = "{\"content\":\"" + MARK + seq + " " + Workload.CONTENT.substring(20) + "\",\"message_type\":\"outgoing\"}";
                sent[seq] = System.nanoTime();
                RawHttp.Response response = http.send(http.request("POST", Workload.MESSAGES_PATH, headers,
                        body.getBytes(StandardCharsets.UTF_8)));
                answered[seq] = System.nanoTime();
                Workload.expectOk(response, "message create");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.size() < total && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<Double> latencies = new ArrayList<>();
            List<Double> apiLateness = new ArrayList<>();
            List<Double> fromSend = new ArrayList<>();
            int missing = 0;
            for (int seq = rate * warmup; seq < total; seq++) {
                apiLateness.add((answered[seq] - due[seq]) / 1e6);
                Long at = received.get(seq);
                if (at == null) {
                    missing++;
                } else {
                    latencies.add((at - due[seq]) / 1e6);
                    fromSend.add((at - sent[seq]) / 1e6);
                }
            }
            latencies.sort(null);
            apiLateness.sort(null);
            fromSend.sort(null);
            long lastReceipt = received.values().stream().mapToLong(Long::longValue).max().orElse(due[total - 1]);
            double deliveredPerSecond = total / ((lastReceipt - due[0]) / 1e9);
            System.out.printf(Locale.ROOT, "message create → delivery received, %d messages/s, %d s measured after %d s warm-up:%n",
                    rate, seconds, warmup);
            System.out.printf(Locale.ROOT, "  p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d, missing %d)%n",
                    percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
                    latencies.get(latencies.size() - 1), latencies.size(), missing);
            System.out.printf(Locale.ROOT, "  from the POST sent (not when due: a late client excluded): p50 %.3f ms, p90 %.3f ms, p99 %.3f ms%n",
                    percentile(fromSend, 0.50), percentile(fromSend, 0.90), percentile(fromSend, 0.99));
            System.out.printf(Locale.ROOT, "  of which the API's answer (due → response; the client sends one at a time): p50 %.3f ms, p90 %.3f ms, p99 %.3f ms%n",
                    percentile(apiLateness, 0.50), percentile(apiLateness, 0.90), percentile(apiLateness, 0.99));
            System.out.printf(Locale.ROOT, "  deliveries kept pace at %.0f per second (first message due → last delivery received)%n",
                    Math.min(rate, deliveredPerSecond));
        } finally {
            receiver.stop();
        }
    }

    private static int sequence(String body) {
        int at = body.indexOf(MARK);
        if (at < 0) {
            return -1;
        }
        int from = at + MARK.length();
        int to = from;
        while (to < body.length() && Character.isDigit(body.charAt(to))) {
            to++;
        }
        return to > from ? Integer.parseInt(body.substring(from, to)) : -1;
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
