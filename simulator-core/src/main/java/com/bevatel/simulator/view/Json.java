package com.bevatel.simulator.view;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * JSON as Rails writes it: compact, keys in the order views put them, {@code < > &} and U+2028/9
 * escaped like ActiveSupport, and the three timestamp formats of API.md §1.
 */
public final class Json {
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    public static final ObjectMapper MAPPER = createMapper();

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    private static ObjectMapper createMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setNodeFactory(NODES);
        mapper.getFactory().setCharacterEscapes(new ActiveSupportEscapes());
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200).maxStringLength(1_000_000).maxNumberLength(100).build());
        mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return mapper;
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String string(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A private copy of an attribute bag, so stored records never share a mutable node. */
    public static ObjectNode copy(ObjectNode node) {
        return node == null ? object() : node.deepCopy();
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
