package com.bevatel.simulator.http;

import java.net.BindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The server could not listen on its host and port. The message names both and says what to do
 * with the builder; {@link #problem()} and {@link #reason()} let a caller with other settings (the
 * jar's {@code --port}, {@code --host}) say it in its own terms.
 */
public final class CannotListenException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private static final String LOCAL_HOSTS = "127.0.0.1 (this machine only) or 0.0.0.0 (every interface)";

    public enum Reason {
        PORT_IN_USE,
        /** Ports below 1024 need administrator rights on Linux and macOS. */
        PERMISSION_DENIED,
        NOT_A_LOCAL_ADDRESS,
        UNKNOWN_HOST,
        OTHER
    }

    private final String host;
    private final int port;
    private final Reason reason;
    private final String problem;

    private CannotListenException(String host, int port, Reason reason, String problem, String hint, Throwable cause) {
        super(problem + "; " + hint, cause);
        this.host = host;
        this.port = port;
        this.reason = reason;
        this.problem = problem;
    }

    /** Why Undertow's start failed, when it is about the host or port; null otherwise. */
    static CannotListenException of(String host, int port, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return new CannotListenException(host, port, Reason.UNKNOWN_HOST,
                        "host " + host + " is not a known host name or address", "use " + LOCAL_HOSTS, cause);
            }
            if (cause instanceof SocketException socket) {
                return of(host, port, socket);
            }
        }
        return null;
    }

    private static CannotListenException of(String host, int port, SocketException cause) {
        String text = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        String where = "port " + port + " on " + host;
        if (!isLocal(host)) {
            return new CannotListenException(host, port, Reason.NOT_A_LOCAL_ADDRESS,
                    "host " + host + " is not an address of this machine", "use " + LOCAL_HOSTS, cause);
        }
        // "Permission denied" (Linux, macOS); "... forbidden by its access permissions" (Windows).
        if (text.contains("permission")) {
            return port > 0 && port < 1024
                    ? new CannotListenException(host, port, Reason.PERMISSION_DENIED, where
                    + " needs administrator rights (every port below 1024 does)", "use a port from 1024 up, or 0 for a free one", cause)
                    : new CannotListenException(host, port, Reason.PERMISSION_DENIED, where + ": permission denied",
                    "use another port, or 0 for a free one", cause);
        }
        // A local address and a port we may use: taken (the texts differ by system; "Address already in use" on most).
        if (cause instanceof BindException) {
            return new CannotListenException(host, port, Reason.PORT_IN_USE, where + " is in use",
                    "use port 0 for a free one, or another port", cause);
        }
        return new CannotListenException(host, port, Reason.OTHER, "cannot listen on " + where + ": " + cause.getMessage(),
                "use another port, or 0 for a free one", cause);
    }

    /** An address of this machine's interfaces, or the wildcard; what cannot be resolved is left to the bind's own error. */
    private static boolean isLocal(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isAnyLocalAddress() || address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException e) {
            return true;
        }
    }

    /** The host as configured. */
    public String host() {
        return host;
    }

    /** The port as configured (0: any free one). */
    public int port() {
        return port;
    }

    public Reason reason() {
        return reason;
    }

    /** What is wrong, without the advice: {@code port 3000 on 127.0.0.1 is in use}. */
    public String problem() {
        return problem;
    }
}
