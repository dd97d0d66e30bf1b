package com.bevatel.simulator.http;

import io.undertow.Undertow;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * One XNIO worker (I/O and request threads) and one buffer pool for every simulator in the JVM.
 * Creating them is most of what an Undertow start costs; sharing them makes starting a simulator
 * little more than binding a socket, so a simulator per test class (or per test) stays cheap.
 * The threads are daemons, created on first use and kept for the JVM's life, like a common pool.
 */
final class SharedWorker {
    private static final int IO_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final int TASK_THREADS = 32;
    static final int BUFFER_SIZE = 16 * 1024;
    /** Buffers a thread keeps for itself; beyond them a released buffer goes to the shared queue. */
    static final int THREAD_CACHED_BUFFERS = 4;
    /**
     * Released buffers the shared queue keeps (4 MiB); beyond that a released buffer is freed at
     * once. Undertow's -1 (used before) queues none, so every buffer past a thread's own few was
     * allocated anew; a bound keeps the reuse without ever holding more than this.
     */
    static final int MAX_POOLED_BUFFERS = 256;

    private SharedWorker() {
    }

    private static final class Holder {
        static final XnioWorker WORKER = create();
        static final ByteBufferPool BUFFERS = new DefaultByteBufferPool(true, BUFFER_SIZE, MAX_POOLED_BUFFERS, THREAD_CACHED_BUFFERS);

        private static XnioWorker create() {
            try {
                return Xnio.getInstance(Undertow.class.getClassLoader()).createWorker(OptionMap.builder()
                        .set(Options.WORKER_NAME, "bevatel-simulator")
                        .set(Options.WORKER_IO_THREADS, IO_THREADS)
                        .set(Options.WORKER_TASK_CORE_THREADS, TASK_THREADS)
                        .set(Options.WORKER_TASK_MAX_THREADS, TASK_THREADS)
                        .set(Options.TCP_NODELAY, true)
                        .set(Options.THREAD_DAEMON, true)
                        .getMap());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the simulator's I/O threads", e);
            }
        }
    }

    static XnioWorker worker() {
        return Holder.WORKER;
    }

    static ByteBufferPool buffers() {
        return Holder.BUFFERS;
    }
}
