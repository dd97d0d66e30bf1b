package com.bevatel.simulator.route;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * How an uploaded file is served: Active Storage's rules (Rails 7.1 {@code active_storage/engine.rb},
 * which Chatwoot 4.16 runs on) — only the types of {@code content_types_allowed_inline} are shown
 * inline, every other one is a download ({@code Content-Disposition: attachment}), and the types
 * of {@code content_types_to_serve_as_binary} are sent as {@code application/octet-stream} — with
 * more of the latter here (every XML and JavaScript type), since the simulator serves uploads from
 * its own origin, where its admin API and dashboard are, rather than from a storage host.
 *
 * @param contentType           the {@code Content-Type} to send
 * @param disposition           the {@code Content-Disposition}, with the file name
 * @param contentSecurityPolicy a policy under which nothing in the file runs
 */
record AttachmentServing(String contentType, String disposition, String contentSecurityPolicy) {
    static final String BINARY = "application/octet-stream";

    /** Rails' {@code content_types_allowed_inline}: images a browser only displays, and PDF. */
    private static final Set<String> INLINE = Set.of("image/webp", "image/avif", "image/png", "image/gif",
            "image/jpg", "image/jpeg", "image/tiff", "image/bmp", "image/vnd.adobe.photoshop",
            "image/vnd.microsoft.icon", "application/pdf");

    /** Rails' {@code content_types_to_serve_as_binary}, and the JavaScript types. */
    private static final Set<String> AS_BINARY = Set.of("text/html", "text/javascript", "image/svg+xml",
            "application/postscript", "application/x-shockwave-flash", "text/xml", "application/xml",
            "application/xhtml+xml", "application/mathml+xml", "text/cache-manifest", "application/javascript",
            "application/x-javascript", "application/ecmascript", "text/ecmascript");

    /** No script, no plugin, no request, an opaque origin: what the browser may do with an upload. */
    private static final String SANDBOX = "sandbox; default-src 'none'; frame-ancestors 'none'";
    /**
     * Chromium's PDF viewer is a plugin that a {@code sandbox} policy blocks outright, so a PDF gets
     * the rest of the policy only; its own scripts run in the viewer, apart from the page's origin.
     */
    private static final String PDF = "default-src 'none'; frame-ancestors 'none'";

    static AttachmentServing of(String declaredType, String fileName) {
        String type = mediaType(declaredType);
        boolean binary = AS_BINARY.contains(type) || type.endsWith("+xml") || type.endsWith("/xml");
        boolean inline = !binary && INLINE.contains(type);
        String sent = binary ? BINARY : declaredType == null || declaredType.isBlank() ? BINARY : declaredType;
        String name = fileName == null || fileName.isEmpty() ? "blob" : fileName;
        String disposition = (inline ? "inline" : "attachment") + "; filename=\"" + escape(name, true)
                + "\"; filename*=UTF-8''" + escape(name, false);
        return new AttachmentServing(sent, disposition, type.equals("application/pdf") ? PDF : SANDBOX);
    }

    /** The type without parameters, lower case: {@code Text/HTML; charset=utf-8} → {@code text/html}. */
    static String mediaType(String declared) {
        if (declared == null) {
            return BINARY;
        }
        int semicolon = declared.indexOf(';');
        return (semicolon < 0 ? declared : declared.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * ActionDispatch's {@code ContentDisposition}: the quoted name percent-escapes all but
     * {@code [ A-Za-z0-9!#$+.^_`|~-]}, the RFC 5987 one all but {@code [A-Za-z0-9!#$&+.^_`|~-]}.
     */
    private static String escape(String name, boolean quoted) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "!#$+.^_`|~-".indexOf(c) >= 0 || (quoted ? c == ' ' : c == '&');
            if (plain) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
