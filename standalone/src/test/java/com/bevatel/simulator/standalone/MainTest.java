package com.bevatel.simulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command line, in-process: flags reach the simulator, the banner tells how to use it, stop is clean. */
class MainTest {
    private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");

    @Test
    void startsWithTheGivenFlagsPrintsTheBannerAndStops() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        CountDownLatch stop = new CountDownLatch(1);
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = runner.submit(() -> Main.commandLine(out, stop)
                    .execute("--port", "0", "--access-token", "T", "--seed", "7"));
            String banner = awaitBanner(captured);
            assertThat(banner).contains("api_access_token  T").contains("API inbox id      1")
                    .contains("account id        1").contains("seed              7");
            Matcher url = URL.matcher(banner);
            assertThat(url.find()).as(banner).isTrue();
            HttpResponse<String> profile = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url.group(1) + "/api/v1/profile")).header("api_access_token", "T").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(profile.statusCode()).isEqualTo(200);
            assertThat(profile.body()).startsWith("{\"access_token\":\"T\",\"account_id\":1,");
            assertThat(banner).contains("dashboard         " + url.group(1) + "/_simulator/ui");
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1) + "/_simulator/ui")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("<title>Bevatel simulator · Dashboard</title>");
            stop.countDown();
            assertThat(exit.get()).isZero();
        } finally {
            runner.shutdownNow();
        }
    }

    @Test
    void rejectsAnUnknownFlagWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cli = Main.commandLine(System.out, new CountDownLatch(1));
        cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cli.execute("--nope")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--nope'").contains("--access-token");
    }

    private static String awaitBanner(ByteArrayOutputStream captured) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String text = captured.toString(StandardCharsets.UTF_8);
            if (text.contains("Press Ctrl-C")) {
                return text;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no banner within 20 s; output so far: " + captured.toString(StandardCharsets.UTF_8));
    }
}
