package com.bevatel.simulator.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * JSON as Rails writes it: compact, keys in the order views put them, {@code < > &} and U+2028/9
 * escaped like ActiveSupport, and the three timestamp forms of Chatwoot's views (to_i, ISO, to_f).
 */
public final class Json {
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /**
     * How deep a request's parameters may nest, the parameters object itself being level 1: Jackson's
     * count for a JSON body, and the same for query strings, form bodies and multipart fields in
     * Rails' bracket notation (Rack 2.2, Chatwoot's, refuses more than 100 bracket levels; one limit
     * for every source keeps a body accepted as JSON accepted as a form).
     */
    public static final int MAX_DEPTH = 200;

    /**
     * What requests and responses are read and written with: Jackson's streaming API and the tree
     * nodes, walked here. Building an {@link ObjectMapper} costs hundreds of milliseconds of class
     * loading in a fresh JVM, most of a simulator's first start, and only its tree handling is needed.
     */
    private static final JsonFactory FACTORY = configure(new JsonFactory());

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    /** An ObjectMapper with the same settings (escaping, limits, node factory), made on first use. */
    public static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    private static final class MapperHolder {
        static final ObjectMapper MAPPER = createMapper();

        private static ObjectMapper createMapper() {
            ObjectMapper mapper = new ObjectMapper();
            mapper.setNodeFactory(NODES);
            configure(mapper.getFactory());
            return mapper;
        }
    }

    private static <F extends JsonFactory> F configure(F factory) {
        factory.setCharacterEscapes(new ActiveSupportEscapes());
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(1_000_000).maxNumberLength(100).build());
        factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return factory;
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The node as UTF-8 JSON, byte for byte what {@code ObjectMapper.writeValueAsBytes} writes. */
    public static byte[] bytes(JsonNode node) {
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            JsonTrees.write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The node as JSON text, as {@code ObjectMapper.writeValueAsString} writes it. */
    public static String string(JsonNode node) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            JsonTrees.write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A JSON document as a tree, as {@code ObjectMapper.readTree} reads it ({@link MissingNode} for
     * an empty one); with {@code rejectTrailing}, content after the value is malformed too.
     */
    public static JsonNode parse(byte[] json, boolean rejectTrailing) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return JsonTrees.read(p, rejectTrailing);
        }
    }

    /**
     * A request body as {@link #parse(byte[], boolean)} reads it, refusing more than {@code maxLeaves}
     * values that are not containers (or are empty ones) as the parser meets them: a request's parameter count.
     *
     * @throws TooManyValuesException past {@code maxLeaves}
     */
    public static JsonNode parseCounted(byte[] json, int maxLeaves) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return JsonTrees.read(p, true, maxLeaves);
        }
    }

    /** A JSON body with more values than a request may carry. */
    public static final class TooManyValuesException extends IOException {
        private static final long serialVersionUID = 1L;

        TooManyValuesException(int max) {
            super("more than " + max + " values");
        }
    }

    /** As {@link #parse(byte[], boolean)}, from text. */
    public static JsonNode parse(String json, boolean rejectTrailing) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return JsonTrees.read(p, rejectTrailing);
        }
    }

    /** Unix seconds (Ruby {@code to_i}); a null time renders as 0. */
    public static long unix(Instant at) {
        return at == null ? 0 : at.getEpochSecond();
    }

    /** ISO-8601 UTC with exactly three fractional digits, or JSON null. */
    public static JsonNode iso(Instant at) {
        return at == null ? NullNode.instance : NODES.textNode(isoText(at));
    }

    public static String isoText(Instant at) {
        return ISO_MILLIS.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Seconds with microseconds, as Ruby's {@code Time#to_f} renders (e.g. 1787047300.123456 or 1787047300.0). */
    public static JsonNode floatTime(Instant at) {
        if (at == null) {
            return NullNode.instance;
        }
        BigDecimal micros = BigDecimal.valueOf(at.getNano() / 1000, 6).stripTrailingZeros();
        BigDecimal value = BigDecimal.valueOf(at.getEpochSecond()).add(micros);
        if (value.scale() < 1) {
            value = value.setScale(1);
        }
        return DecimalNode.valueOf(value);
    }

    public static JsonNode text(String value) {
        return value == null ? NullNode.instance : NODES.textNode(value);
    }

    /** ActiveSupport's JSON escaping: HTML-significant characters and JS line separators. */
    private static final class ActiveSupportEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        ActiveSupportEscapes() {
            ascii['<'] = ESCAPE_CUSTOM;
            ascii['>'] = ESCAPE_CUSTOM;
            ascii['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            switch (ch) {
                case '<': return new SerializedString("\\u003c");
                case '>': return new SerializedString("\\u003e");
                case '&': return new SerializedString("\\u0026");
                case 0x2028: return new SerializedString("\\u2028");
                case 0x2029: return new SerializedString("\\u2029");
                default: return null;
            }
        }
    }
}
