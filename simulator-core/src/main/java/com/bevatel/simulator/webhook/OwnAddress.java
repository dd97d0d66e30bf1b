package com.bevatel.simulator.webhook;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The simulator's own listening address, to keep webhooks from feeding themselves: one pointed at
 * {@code /_simulator/agent/conversations/1/reply} made a reply per delivery, whose delivery made
 * the next — thousands of messages a second, for ever — and one pointed at the Client API's
 * {@code /public/api/v1/inboxes/…/messages} (no token needed) made an incoming message per
 * delivery the same way. So the simulator delivers to itself only at its built-in sinks
 * ({@code /_simulator/sink/…}), which are what deliveries to itself are for.
 */
final class OwnAddress {
    static final String REFUSED_ADMIN = "refused: the simulator does not deliver webhooks to its own admin API";
    static final String REFUSED_API = "refused: the simulator does not deliver webhooks to its own API"
            + " (each delivery could create the message that causes the next); use a sink, /_simulator/sink/NAME";
    /** Before the server has a port: nothing is its own yet. */
    static final OwnAddress NONE = new OwnAddress(null, -1);

    private static final String ADMIN = "/_simulator";
    private static final String SINKS = "/_simulator/sink/";
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    private final InetAddress bound;
    private final int port;

    /**
     * @param bound the address the server listens on (the wildcard address for all)
     * @param port  its port
     */
    OwnAddress(InetAddress bound, int port) {
        this.bound = bound;
        this.port = port;
    }

    /** Why a delivery to this URL is refused: null unless it is the simulator itself, other than a sink. */
    String refusal(URI uri) {
        if (port < 0) {
            return null;
        }
        int target = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (target != port) {
            return null; // the usual case: decided on the port alone
        }
        String raw = uri.getRawPath();
        if (raw != null && raw.startsWith(SINKS) && raw.indexOf('%') < 0 && !raw.contains("..") && !raw.contains("//")) {
            return null; // the usual delivery to itself, a sink, without normalising on every delivery
        }
        String path = routedPath(uri);
        if (path.startsWith(SINKS)) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (reaches(address)) {
                    return path.equals(ADMIN) || path.startsWith(ADMIN + "/") ? REFUSED_ADMIN : REFUSED_API;
                }
            }
        } catch (UnknownHostException e) {
            return null; // the delivery fails on its own, with Ruby's wording for it
        }
        return null;
    }

    /** The path as the server would route it: decoded, dot segments resolved, repeated slashes as one. */
    private static String routedPath(URI uri) {
        String path = uri.normalize().getPath();
        return path == null || path.isEmpty() ? "/" : REPEATED_SLASHES.matcher(path).replaceAll("/").toLowerCase(Locale.ROOT);
    }

    /** Would a connection to this address reach the simulator's listener? */
    private boolean reaches(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.equals(bound)) {
            return true;
        }
        if (bound != null && bound.isAnyLocalAddress()) {
            try {
                return NetworkInterface.getByInetAddress(address) != null;
            } catch (SocketException e) {
                return false;
            }
        }
        return false;
    }
}
