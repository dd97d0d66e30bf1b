package com.bevatel.simulator.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WireMock answers chunked by default: the probe client must read both body framings, keep-alive. */
class RawHttpTest {
    @Test
    void readsChunkedAndSizedBodiesOnOneConnection() throws Exception {
        Undertow chunking = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange exchange) throws Exception {
                if (exchange.isInIoThread()) {
                    exchange.dispatch(this);
                    return;
                }
                exchange.startBlocking();
                byte[] part = "0123456789".getBytes(StandardCharsets.UTF_8);
                if (exchange.getRequestPath().equals("/sized")) {
                    exchange.setResponseContentLength(part.length);
                    exchange.getOutputStream().write(part);
                } else {
                    for (int i = 0; i < 3; i++) { // no length: Undertow sends chunks
                        exchange.getOutputStream().write(part);
                        exchange.getOutputStream().flush();
                    }
                }
            }
        }).build();
        chunking.start();
        int port = ((InetSocketAddress) chunking.getListenerInfo().get(0).getAddress()).getPort();
        try (RawHttp http = new RawHttp("127.0.0.1", port)) {
            assertThat(http.get("/chunked", Map.of()).text()).isEqualTo("012345678901234567890123456789");
            assertThat(http.get("/sized", Map.of()).text()).isEqualTo("0123456789");
            assertThat(http.get("/chunked", Map.of()).status()).isEqualTo(200);
        } finally {
            chunking.stop();
        }
    }
}
