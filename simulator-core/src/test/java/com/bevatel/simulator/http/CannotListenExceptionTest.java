package com.bevatel.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.http.CannotListenException.Reason;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** A simulator that cannot listen says on which host and port, why, and what to use instead. */
class CannotListenExceptionTest {
    @Test
    void aTakenPortIsNamedWithItsHost() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> BevatelSimulator.builder().port(port).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is in use; use port 0 for a free one, or another port")
                    .hasCauseInstanceOf(BindException.class)
                    .satisfies(e -> {
                        CannotListenException listen = (CannotListenException) e;
                        assertThat(listen.reason()).isEqualTo(Reason.PORT_IN_USE);
                        assertThat(listen.host()).isEqualTo("127.0.0.1");
                        assertThat(listen.port()).isEqualTo(port);
                        assertThat(listen.problem()).isEqualTo("port " + port + " on 127.0.0.1 is in use");
                    });
            // The failed start let go of everything: the port is still the other server's, and a free one works.
            try (Socket stillTheirs = new Socket("127.0.0.1", port);
                 BevatelSimulator free = BevatelSimulator.builder().port(0).start()) {
                assertThat(stillTheirs.isConnected()).isTrue();
                assertThat(free.port()).isPositive().isNotEqualTo(port);
            }
        }
    }

    @Test
    void anAddressThatIsNotThisMachinesIsSaidSo() {
        // 192.0.2.0/24 is reserved for documentation (RFC 5737): no machine has it.
        assertThatThrownBy(() -> BevatelSimulator.builder().host("192.0.2.1").port(0).start())
                .isInstanceOf(CannotListenException.class)
                .hasMessage("host 192.0.2.1 is not an address of this machine;"
                        + " use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)")
                .extracting(e -> ((CannotListenException) e).reason()).isEqualTo(Reason.NOT_A_LOCAL_ADDRESS);
    }

    @Test
    void aHostNameThatDoesNotResolveIsSaidSo() {
        // .invalid never resolves (RFC 2606).
        assertThatThrownBy(() -> BevatelSimulator.builder().host("no-such-host.invalid").port(0).start())
                .isInstanceOf(CannotListenException.class)
                .hasMessage("host no-such-host.invalid is not a known host name or address;"
                        + " use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)");
    }

    /** Only what the system says can be given here: the tests may run as root, which may take any port. */
    @Test
    void aPortBelow1024WithoutRightsIsSaidSo() {
        CannotListenException low = CannotListenException.of("127.0.0.1", 80,
                new RuntimeException(new BindException("Permission denied")));
        assertThat(low.reason()).isEqualTo(Reason.PERMISSION_DENIED);
        assertThat(low).hasMessage("port 80 on 127.0.0.1 needs administrator rights (every port below 1024 does);"
                + " use a port from 1024 up, or 0 for a free one");
        CannotListenException high = CannotListenException.of("127.0.0.1", 8080,
                new RuntimeException(new BindException("Permission denied")));
        assertThat(high).hasMessage("port 8080 on 127.0.0.1: permission denied; use another port, or 0 for a free one");
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() {
        assertThat(CannotListenException.of("127.0.0.1", 3000, new IllegalStateException("no XNIO provider"))).isNull();
    }
}
