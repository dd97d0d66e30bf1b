package com.bevatel.simulator.reliability;

import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random HTTP requests against the world's routes: the route's method or another, path parameters
 * that name existing records or garbage, query strings, tokens (right, wrong, other account's,
 * none), content types, headers, and bodies of every kind — well-formed HTTP throughout, so each
 * request reaches the simulator's own code (malformed HTTP is {@code LimitsTest}'s).
 */
final class FuzzRequests {
    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)}");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "FROB");
    private static final List<String> QUERY_KEYS = List.of("page", "q", "sort", "status", "assignee_type", "inbox_id",
            "labels[]", "labels[x]", "before", "after", "updated_within", "team_id", "conversation_type", "include_contact_inboxes",
            "identifier", "identifier_hash", "search", "a[b][c]", "[", "x[]]", "attribute_model");

    /** A body and the content type it goes with (either may be null). */
    record Body(String contentType, byte[] bytes) {
    }

    private final FuzzWorld world;
    private final FuzzJson json;

    FuzzRequests(FuzzWorld world) {
        this.world = world;
        this.json = new FuzzJson(world.sourceIds);
    }

    /** Requests to the routes whose "METHOD /template" matches. */
    Arbitrary<RawHttp.Request> onRoutes(Predicate<String> routes) {
        List<String> chosen = world.routes().stream().filter(routes).toList();
        if (chosen.isEmpty()) {
            throw new IllegalStateException("no route matches");
        }
        Arbitrary<String[]> target = Arbitraries.of(chosen).flatMap(route -> {
            String[] parts = route.split(" ", 2);
            return Combinators.combine(method(parts[0]), path(parts[1])).as((m, p) -> new String[] {m, p});
        });
        return request(target);
    }

    /** Requests to paths that are mostly no route at all: random segments, sometimes under a real prefix. */
    Arbitrary<RawHttp.Request> anywhere() {
        Arbitrary<String> prefix = Arbitraries.of("", "/api/v1", "/api/v1/accounts/1", "/public/api/v1/inboxes/" + world.inboxIdentifier,
                "/_simulator", "/_simulator/sink", "/rails/active_storage/blobs/redirect");
        Arbitrary<String> path = Combinators.combine(prefix, segment().list().ofMinSize(0).ofMaxSize(5))
                .as((p, segments) -> p + "/" + String.join("/", segments));
        Arbitrary<String[]> target = Combinators.combine(Arbitraries.of(METHODS), path).as((m, p) -> new String[] {m, p});
        return request(target);
    }

    private Arbitrary<RawHttp.Request> request(Arbitrary<String[]> target) {
        return Combinators.combine(target, query(), token(), body(), extraHeaders()).as((t, query, token, body, headers) -> {
            RawHttp.Request request = new RawHttp.Request(t[0], t[1] + query);
            if (token != null) {
                request.header(token[0], token[1]);
            }
            if (body.contentType() != null) {
                request.header("Content-Type", body.contentType());
            }
            headers.forEach(h -> request.header(h[0], h[1]));
            if (body.bytes() != null) {
                request.body(body.bytes());
            }
            return request;
        });
    }

    /** Mostly the route's own method. */
    private static Arbitrary<String> method(String own) {
        return Arbitraries.frequencyOf(Tuple.of(17, Arbitraries.just(own)), Tuple.of(3, Arbitraries.of(METHODS)));
    }

    private Arbitrary<String> path(String template) {
        Matcher matcher = PARAMETER.matcher(template);
        List<String> names = new ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        if (names.isEmpty()) {
            return Arbitraries.just(template);
        }
        return Combinators.combine(names.stream().map(this::parameter).toList()).as(values -> {
            String path = template;
            for (int i = 0; i < names.size(); i++) {
                path = path.replace("{" + names.get(i) + "}", values.get(i));
            }
            return path;
        });
    }

    /** A path parameter: usually a value that names something in the world, sometimes not. */
    private Arbitrary<String> parameter(String name) {
        Arbitrary<String> known = switch (name) {
            case "account_id" -> Arbitraries.frequencyOf(Tuple.of(17, Arbitraries.just("1")), Tuple.of(3, Arbitraries.of("2", "3", "0")));
            case "inbox_identifier" -> Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(world.inboxIdentifier)),
                    Tuple.of(2, Arbitraries.just(world.otherInboxIdentifier)));
            case "contact_identifier" -> Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.just(world.contactIdentifier)),
                    Tuple.of(3, Arbitraries.of(world.sourceIds)));
            case "blob_key" -> Arbitraries.just(world.blobKey);
            case "name" -> Arbitraries.of("fuzz-hook", "fuzz-inbox", "new-sink");
            case "filename" -> Arbitraries.of("a.txt", "x.png");
            case "variant" -> Arbitraries.of("thumb", "x");
            case "conversation_id" -> Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("1", "2", world.publicConversationId)),
                    Tuple.of(2, weirdIds()));
            default -> Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(1, 4).map(String::valueOf)),
                    Tuple.of(2, Arbitraries.integers().between(5, 12).map(String::valueOf)), Tuple.of(2, weirdIds()));
        };
        return Arbitraries.frequencyOf(Tuple.of(17, known), Tuple.of(3, segment()));
    }

    private static Arbitrary<String> weirdIds() {
        return Arbitraries.of("-1", "0", "99", "9223372036854775807", "9223372036854775808", "1.5", "1e3", "0x1", "%201", "1%00");
    }

    /** One path segment, percent-encoded from any characters (bytes that are not UTF-8 included). */
    private static Arbitrary<String> segment() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30).map(FuzzRequests::encode),
                Arbitraries.of(".", "..", "%2F", "%00", "%FF%FE", "a;b=c", "~", "%C3%28", "x".repeat(2000)));
    }

    private Arbitrary<String> query() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30).map(FuzzRequests::encode),
                FuzzJson.specialStrings().filter(s -> s.length() < 300).map(FuzzRequests::encode),
                Arbitraries.of("1", "2", "open", "all", "mine", "%FF", "vip", "-5", "99999999999999999999"));
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(QUERY_KEYS).map(FuzzRequests::encodeKey),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(10).map(FuzzRequests::encode));
        Arbitrary<String> pair = Combinators.combine(key, value).as((k, v) -> k + "=" + v);
        Arbitrary<String> some = pair.list().ofMinSize(1).ofMaxSize(5).map(pairs -> "?" + String.join("&", pairs));
        // Deep and many: around the limits (200 levels, 1,000 parameters), within the 64 KiB request line.
        Arbitrary<String> deep = Combinators.combine(Arbitraries.of("custom_attributes", "q", "labels", "x"),
                Arbitraries.integers().between(150, 3000)).as((k, depth) -> "?" + deepKey(k, depth, "[a]") + "=v");
        Arbitrary<String> many = Arbitraries.integers().between(990, 1010).map(n -> "?" + manyPairs(n, "k"));
        return Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.just("")), Tuple.of(10, some), Tuple.of(1, deep), Tuple.of(1, many));
    }

    /** {@code head[a][a]…} (or {@code []} and mixed segments), {@code depth} brackets. */
    private static String deepKey(String head, int depth, String segment) {
        return head + segment.repeat(depth);
    }

    /** {@code n} pairs {@code prefix[i]=i}. */
    private static String manyPairs(int n, String prefix) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : "&").append(prefix).append("[").append(i).append("]=").append(i);
        }
        return out.toString();
    }

    /** Header name and value: right, agent, bot, other account's, blank, garbage; or null (no token). */
    private static Arbitrary<String[]> token() {
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("api_access_token")),
                Tuple.of(2, Arbitraries.of("api-access-token", "API_ACCESS_TOKEN")));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.just(FuzzWorld.ADMIN_TOKEN)),
                Tuple.of(2, Arbitraries.just(FuzzWorld.AGENT_TOKEN)),
                Tuple.of(1, Arbitraries.just(FuzzWorld.BOT_TOKEN)),
                Tuple.of(1, Arbitraries.just(FuzzWorld.OTHER_TOKEN)),
                Tuple.of(1, Arbitraries.just(FuzzWorld.OTHER_BOT_TOKEN)),
                Tuple.of(2, Arbitraries.of("", " ", FuzzWorld.ADMIN_TOKEN + "x", "x".repeat(5000), "\u00e9\u00ff")),
                Tuple.of(1, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30)));
        return Arbitraries.frequencyOf(Tuple.of(17, Combinators.combine(name, value).as((n, v) -> new String[] {n, v})),
                Tuple.of(3, Arbitraries.just((String[]) null)));
    }

    private static Arbitrary<List<String[]>> extraHeaders() {
        Arbitrary<String[]> header = Arbitraries.oneOf(
                Arbitraries.of(new String[] {"Accept", "application/json"}, new String[] {"Accept", "text/html"},
                        new String[] {"Content-Encoding", "gzip"}, new String[] {"Expect", "100-continue"},
                        new String[] {"Cookie", "a=b; c"}, new String[] {"Authorization", "Bearer " + FuzzWorld.ADMIN_TOKEN},
                        new String[] {"X-Forwarded-For", "10.0.0.1"}, new String[] {"Accept-Charset", "latin1"}),
                Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(100)).as((n, v) -> new String[] {"X-" + n, v}));
        return header.list().ofMaxSize(3);
    }

    private Arbitrary<Body> body() {
        Arbitrary<String> jsonType = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("application/json; charset=utf-8", "application/vnd.api+json", "text/plain")),
                Tuple.of(1, Arbitraries.just((String) null)));
        Arbitrary<byte[]> plausible = json.plausibleObject().map(FuzzRequests::bytes);
        return Arbitraries.frequencyOf(
                Tuple.of(15, Arbitraries.just(new Body(null, null))),
                Tuple.of(55, Combinators.combine(jsonType, plausible).as(Body::new)),
                Tuple.of(12, Combinators.combine(jsonType, json.wild(3).map(FuzzRequests::bytes)).as(Body::new)),
                Tuple.of(4, Arbitraries.integers().between(150, 3000).map(depth -> new Body("application/json", nested(depth)))),
                Tuple.of(5, plausible.map(FuzzRequests::invalidUtf8).map(b -> new Body("application/json", b))),
                Tuple.of(5, Combinators.combine(plausible, Arbitraries.doubles().between(0, 1))
                        .as((b, cut) -> new Body("application/json", java.util.Arrays.copyOf(b, (int) (b.length * cut))))),
                Tuple.of(6, form().map(b -> new Body("application/x-www-form-urlencoded", b))),
                Tuple.of(6, multipart()),
                Tuple.of(4, Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(b -> new Body("application/json", b))));
    }

    private static Arbitrary<byte[]> form() {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of("name", "content", "message_type", "inbox_id", "labels[]",
                "channel[type]", "channel[webhook_url]", "webhook[url]", "custom_attributes[a]", "a[b][c][]", "[", "a][",
                "agent_bot", "outgoing_url", "bot_type", "bot_config[a]", "description", "custom_attributes[]",
                "custom_attribute_definition[attribute_key]", "custom_attribute_definition[attribute_values][]", "attribute_model",
                "team[name]", "user_ids[]", "title", "label[title]", "short_code", "canned_response[content]"),
                Arbitraries.strings().all().ofMaxLength(10).map(FuzzRequests::encode));
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(20).map(FuzzRequests::encode),
                Arbitraries.of("incoming", "1", "api", "http%3A%2F%2F127.0.0.1%3A1%2Fx", "%ZZ", "%FF"));
        Arbitrary<String> plain = Combinators.combine(key, value).as((k, v) -> k + "=" + v).list().ofMaxSize(6)
                .map(pairs -> String.join("&", pairs));
        Arbitrary<String> deep = Combinators.combine(Arbitraries.of("custom_attributes", "content_attributes", "channel", "a"),
                Arbitraries.integers().between(150, 3000), Arbitraries.of("[a]", "[]", "[a][]", "[%5B]"))
                .as((k, depth, segment) -> "name=Deep&" + deepKey(k, depth, segment) + "=x");
        Arbitrary<String> many = Combinators.combine(Arbitraries.integers().between(990, 1010),
                Arbitraries.of("custom_attributes", "labels", "additional_attributes")).as((n, k) -> "name=Many&" + manyPairs(n, k));
        return Arbitraries.frequencyOf(Tuple.of(8, plain), Tuple.of(1, deep), Tuple.of(1, many))
                .map(text -> text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** multipart/form-data: fields and files, sometimes cut short or with a boundary that never comes. */
    private static Arbitrary<Body> multipart() {
        Arbitrary<String> part = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("content", "message_type", "private", "attachments", "name", "x[y]"),
                        Arbitraries.strings().all().ofMaxLength(20)).as((n, v) ->
                        "Content-Disposition: form-data; name=\"" + n + "\"\r\n\r\n" + v),
                Combinators.combine(Arbitraries.of("attachments[]", "attachments", "avatar", "file"),
                        Arbitraries.of("a.png", "", "x\".txt", "../../x"), Arbitraries.of("image/png", "text/plain", "", "x/y"),
                        Arbitraries.strings().all().ofMaxLength(100)).as((n, f, t, data) ->
                        "Content-Disposition: form-data; name=\"" + n + "\"; filename=\"" + f + "\"\r\nContent-Type: " + t
                                + "\r\n\r\n" + data));
        Arbitrary<String> deepField = Combinators.combine(Arbitraries.of("custom_attributes", "content_attributes", "x"),
                Arbitraries.integers().between(150, 3000)).as((k, depth) ->
                "Content-Disposition: form-data; name=\"" + deepKey(k, depth, "[a]") + "\"\r\n\r\nv");
        Arbitrary<String> odd = Arbitraries.of("Content-Disposition: form-data\r\n\r\nnameless",
                "Content-Disposition: form-data; name=\"\"\r\n\r\nempty name",
                "Content-Disposition: form-data; filename=\"a.txt\"\r\n\r\nnameless file",
                "Content-Disposition: form-data; name=\"content\"\r\nContent-Type: text/plain; charset=x-nope\r\n\r\nhi",
                "Content-Disposition: attachment; name=\"content\"\r\n\r\nnot form-data", "no headers at all");
        Arbitrary<List<String>> parts = Arbitraries.frequencyOf(
                Tuple.of(12, part.list().ofMaxSize(4)),
                Tuple.of(1, Combinators.combine(part.list().ofMaxSize(2), deepField).as((p, d) -> concat(p, List.of(d)))),
                Tuple.of(1, Combinators.combine(part.list().ofMaxSize(2), odd).as((p, o) -> concat(p, List.of(o)))),
                Tuple.of(1, Arbitraries.integers().between(990, 1010).map(n -> java.util.Collections.nCopies(n,
                        "Content-Disposition: form-data; name=\"labels[]\"\r\n\r\nx"))));
        Arbitrary<String> boundaries = Arbitraries.of("fuzzboundary", "fuzzboundary", "fuzzboundary", "fuzzboundary", "", "\"\"");
        return Combinators.combine(parts, Arbitraries.of(true, true, true, false), boundaries).as((list, closed, declared) -> {
            String boundary = declared.isEmpty() || declared.equals("\"\"") ? "" : declared;
            StringBuilder body = new StringBuilder();
            list.forEach(p -> body.append("--").append(boundary).append("\r\n").append(p).append("\r\n"));
            if (closed) {
                body.append("--").append(boundary).append("--\r\n");
            }
            return new Body("multipart/form-data; boundary=" + declared, body.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** {@code [[[…]]]} or {@code {"a":{"a":…}}} nested {@code depth} deep (the parser allows 200). */
    private static byte[] nested(int depth) {
        boolean arrays = depth % 2 == 0;
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return ("{\"custom_attributes\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON with bytes that are not UTF-8 spliced into its first string. */
    private static byte[] invalidUtf8(byte[] json) {
        int quote = -1;
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '"') {
                quote = i;
                break;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = quote < 0 ? json.length / 2 : quote + 1;
        out.write(json, 0, at);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC3, (byte) 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        out.write(json, at, json.length - at);
        return out.toByteArray();
    }

    static byte[] bytes(JsonNode node) {
        try {
            // Through a String: a lone surrogate becomes '?' instead of failing the generator.
            return Json.mapper().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters (UTF-8; lone surrogates become '?'). */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /** A query key keeps its brackets (Rails' notation); only other characters are encoded. */
    private static String encodeKey(String key) {
        return encode(key).replace("%5B", "[").replace("%5D", "]");
    }
}
