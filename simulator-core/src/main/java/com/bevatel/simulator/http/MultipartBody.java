package com.bevatel.simulator.http;

import com.bevatel.simulator.domain.ApiException;
import com.bevatel.simulator.domain.Errors;
import com.bevatel.simulator.domain.Upload;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.MalformedMessageException;
import io.undertow.util.MultipartParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code multipart/form-data} body (file attachments), already received in full: fields join the
 * parameters in Rails' bracket notation, files are kept under their field name without a trailing
 * {@code []}. Undertow's streaming {@link MultipartParser} does the splitting; each part counts as a
 * parameter ({@link RailsParams#MAX_PARAMETERS}, checked as parts begin), and a body Rack would refuse
 * — no boundary, a part without a name, an unknown charset, a body cut short — is a 400 naming what
 * is wrong. (Undertow's FormDataParser read the body blocking on a request thread, and answered these
 * with 500s.)
 */
final class MultipartBody {
    private MultipartBody() {
    }

    static void parse(String contentType, byte[] body, RailsParams params, Map<String, List<Upload>> uploads) {
        String boundary;
        try {
            boundary = Headers.extractQuotedValueFromHeader(contentType, "boundary");
        } catch (IndexOutOfBoundsException e) {
            boundary = null; // Undertow's reader fails on "boundary=" at the end of the header
        }
        if (boundary == null || boundary.isEmpty()) {
            throw Errors.badRequest("multipart body without a boundary: the Content-Type needs boundary=…");
        }
        Parts parts = new Parts(params, uploads);
        MultipartParser.ParseState state = MultipartParser.beginParse(SharedWorker.buffers(), parts,
                boundary.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8.name());
        try {
            state.parse(ByteBuffer.wrap(body));
        } catch (PartRefused e) {
            throw e.refusal;
        } catch (MalformedMessageException e) {
            throw Errors.badRequest("malformed multipart body: a part's headers are not valid");
        } catch (IOException e) {
            throw Errors.badRequest("unreadable multipart body: " + e.getMessage());
        }
        if (!state.isComplete()) {
            throw Errors.badRequest("multipart body ends before its closing boundary --" + boundary + "--");
        }
    }

    /** Carries a refusal out of the parser's callbacks, which may throw only IOException or unchecked ones. */
    private static final class PartRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ApiException refusal;

        PartRefused(ApiException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    /** Collects each part as the parser meets it. */
    private static final class Parts implements MultipartParser.PartHandler {
        private final RailsParams params;
        private final Map<String, List<Upload>> uploads;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private HeaderMap headers;
        private String name;
        private String fileName;

        Parts(RailsParams params, Map<String, List<Upload>> uploads) {
            this.params = params;
            this.uploads = uploads;
        }

        @Override
        public void beginPart(HeaderMap partHeaders) {
            try {
                params.count();
            } catch (ApiException e) {
                throw new PartRefused(e);
            }
            headers = partHeaders;
            data.reset();
            String disposition = partHeaders.getFirst(Headers.CONTENT_DISPOSITION);
            name = null;
            fileName = null;
            if (disposition != null && disposition.regionMatches(true, 0, "form-data", 0, 9)) {
                name = Headers.extractQuotedValueFromHeader(disposition, "name");
                fileName = Headers.extractQuotedValueFromHeaderWithEncoding(disposition, "filename");
            }
            if (name == null || name.isEmpty()) {
                throw new PartRefused(Errors.badRequest("multipart part without a name: each part needs"
                        + " Content-Disposition: form-data; name=\"…\""));
            }
        }

        @Override
        public void data(ByteBuffer buffer) {
            if (buffer.hasArray()) {
                data.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                buffer.position(buffer.limit());
            } else {
                while (buffer.hasRemaining()) {
                    data.write(buffer.get());
                }
            }
        }

        @Override
        public void endPart() {
            String type = headers.getFirst(Headers.CONTENT_TYPE);
            if (fileName == null) {
                try {
                    params.add(name, data.toString(charset(type)));
                } catch (ApiException e) {
                    throw new PartRefused(e);
                }
                return;
            }
            byte[] bytes = data.toByteArray();
            if (fileName.isEmpty() && bytes.length == 0) {
                return; // an empty file input, as browsers send it
            }
            String key = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
            uploads.computeIfAbsent(key, k -> new ArrayList<>()).add(new Upload(fileName, type, bytes));
        }

        /** The part's own charset, UTF-8 when it names none. */
        private static Charset charset(String contentType) {
            String name = contentType == null ? null : Headers.extractQuotedValueFromHeader(contentType, "charset");
            if (name == null) {
                return StandardCharsets.UTF_8;
            }
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new PartRefused(Errors.badRequest("multipart part with an unknown charset: " + name));
            }
        }
    }
}
