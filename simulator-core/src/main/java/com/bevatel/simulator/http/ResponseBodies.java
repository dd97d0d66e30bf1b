package com.bevatel.simulator.http;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Sends a response body without blocking, from any thread, so that nothing keeps a large body
 * after the exchange: bodies up to {@link #DIRECT_LIMIT} bytes are written as they are; larger ones
 * are copied through a few of the server's pooled (direct) buffers, one round after another.
 *
 * <p>Why: handing the socket one large heap buffer makes the JDK copy it into a temporary direct
 * buffer of the same size, which it then caches for that thread for the JVM's life; and Undertow's
 * response conduit keeps a reference to the last buffer it wrote, which an idle worker thread still
 * reaches through its last task. Sixteen concurrent 50 MB dashboard reads left about 750 MB that
 * way, after a reset and a full GC. Pooled buffers are small and go back to the pool.
 */
public final class ResponseBodies {
    /** At most this many bytes go to the socket as one heap buffer. */
    public static final int DIRECT_LIMIT = 16 * 1024;
    /** Pooled buffers filled per write. */
    private static final int BUFFERS_PER_WRITE = 4;

    private ResponseBodies() {
    }

    /** Sends {@code body} as the whole response body and ends the exchange. */
    public static void send(HttpServerExchange exchange, byte[] body) {
        if (!exchange.getResponseHeaders().contains(Headers.CONTENT_LENGTH)) {
            exchange.setResponseContentLength(body.length);
        }
        if (body.length <= DIRECT_LIMIT) {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
            return;
        }
        new Rounds(exchange, body).next(exchange.getResponseSender());
    }

    /** One body in rounds: fill the pooled buffers, send them, and again when they are written. */
    private static final class Rounds implements IoCallback {
        private final byte[] body;
        private final PooledByteBuffer[] pooled;
        private final ByteBuffer[] buffers;
        private int offset;

        Rounds(HttpServerExchange exchange, byte[] body) {
            this.body = body;
            int bufferSize = exchange.getConnection().getByteBufferPool().getBufferSize();
            int count = (int) Math.min(BUFFERS_PER_WRITE, (body.length + (long) bufferSize - 1) / bufferSize);
            this.pooled = new PooledByteBuffer[count];
            this.buffers = new ByteBuffer[count];
            for (int i = 0; i < count; i++) {
                pooled[i] = exchange.getConnection().getByteBufferPool().allocate();
                buffers[i] = pooled[i].getBuffer();
            }
        }

        void next(Sender sender) {
            int used = 0;
            for (ByteBuffer buffer : buffers) {
                buffer.clear();
                int n = Math.min(buffer.remaining(), body.length - offset);
                if (n == 0) {
                    break;
                }
                buffer.put(body, offset, n).flip();
                offset += n;
                used++;
            }
            sender.send(used == buffers.length ? buffers : Arrays.copyOf(buffers, used), this);
        }

        @Override
        public void onComplete(HttpServerExchange exchange, Sender sender) {
            if (offset < body.length) {
                next(sender);
                return;
            }
            release();
            IoCallback.END_EXCHANGE.onComplete(exchange, sender);
        }

        @Override
        public void onException(HttpServerExchange exchange, Sender sender, IOException exception) {
            release();
            IoCallback.END_EXCHANGE.onException(exchange, sender, exception);
        }

        private void release() {
            for (int i = 0; i < pooled.length; i++) {
                buffers[i] = null;
                pooled[i].close();
            }
        }
    }
}
