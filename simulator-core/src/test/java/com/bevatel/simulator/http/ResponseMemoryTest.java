package com.bevatel.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.json.Json;
import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 §8: large responses leave nothing behind. Before, every worker thread that sent a large
 * body kept it twice — the JDK's temporary direct copy, cached per thread, and the heap body itself,
 * reachable from the response conduit of its last exchange — so concurrent large reads left hundreds
 * of megabytes after the requests, a reset and a full GC. The bounds below are generous: what is
 * measured without the fix is {@value #READS} × {@value #BODY_MB} MiB in each.
 */
class ResponseMemoryTest {
    private static final int READS = 8;
    private static final int BODY_MB = 16;
    private static final long MB = 1024 * 1024;
    private static final String BIG = "x".repeat((int) (BODY_MB * MB));

    @Test
    void concurrentLargeResponsesLeaveNeitherHeapNorDirectMemoryBehind() throws Exception {
        // An extension's endpoint runs on the worker threads, as the dashboard's and admin API's do.
        try (BevatelSimulator sim = BevatelSimulator.builder()
                .extension((router, simulator) -> router.get("/_test/big", request -> Response.ok(Json.text(BIG))))
                .start()) {
            read(sim, 1); // threads, classes and buffers of a first request are not what is measured
            long heapBefore = heapAfterGc();
            long directBefore = direct();

            List<Long> sizes = read(sim, READS);
            assertThat(sizes).containsOnly(BIG.length() + 2L);
            sim.reset();

            long heapGrowth = heapAfterGc() - heapBefore;
            long directGrowth = direct() - directBefore;
            assertThat(heapGrowth).as("heap kept after %d reads of %d MiB", READS, BODY_MB).isLessThan(48 * MB);
            assertThat(directGrowth).as("direct memory kept after %d reads of %d MiB", READS, BODY_MB).isLessThan(48 * MB);
        }
    }

    @Test
    void theSharedBufferPoolKeepsABoundedNumberOfReleasedBuffers() throws InterruptedException {
        ByteBufferPool pool = SharedWorker.buffers();
        long before = direct();
        int kept = SharedWorker.MAX_POOLED_BUFFERS + SharedWorker.THREAD_CACHED_BUFFERS;
        takeAndRelease(pool, 4 * kept);
        // Undertow frees a buffer the pool does not keep 100 ms later, when the same thread next releases
        // one the pool does not keep: a second round, a few past what it keeps, does that.
        Thread.sleep(150);
        takeAndRelease(pool, kept + 10);
        assertThat(direct() - before).as("direct memory the pool kept after 4 × its bound was released")
                .isLessThanOrEqualTo((kept + 10L) * SharedWorker.BUFFER_SIZE);
    }

    private static void takeAndRelease(ByteBufferPool pool, int count) {
        List<PooledByteBuffer> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            taken.add(pool.allocate());
        }
        taken.forEach(PooledByteBuffer::close);
    }

    /** {@code count} concurrent GETs of the large body, each on its own connection, closed after it. */
    private static List<Long> read(BevatelSimulator sim, int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<Long>> reads = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                reads.add(threads.submit(() -> {
                    HttpURLConnection connection = (HttpURLConnection) sim.baseUrl().resolve("/_test/big").toURL().openConnection();
                    connection.setRequestProperty("Connection", "close");
                    long total = 0;
                    byte[] chunk = new byte[64 * 1024];
                    try (InputStream in = connection.getInputStream()) {
                        for (int n; (n = in.read(chunk)) >= 0; ) {
                            total += n;
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        connection.disconnect();
                    }
                    return total;
                }));
            }
            List<Long> sizes = new ArrayList<>();
            for (Future<Long> read : reads) {
                sizes.add(read.get());
            }
            return sizes;
        } finally {
            threads.shutdown();
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long direct() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }
}
