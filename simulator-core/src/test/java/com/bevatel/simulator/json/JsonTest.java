package com.bevatel.simulator.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests and responses go through Jackson's streaming API and a tree walk instead of an
 * ObjectMapper (much cheaper to start); both directions must be exactly what the mapper does.
 */
class JsonTest {
    private static final List<String> DOCUMENTS = List.of(
            "{\"a\":1,\"b\":[true,false,null,\"x\"],\"c\":{\"d\":-2.5e-3,\"e\":12345678901,\"f\":123456789012345678901234567890}}",
            "{\"dup\":1,\"other\":2,\"dup\":3}",
            "[1,2.0,-0.0,1e308,3.14159265358979323846,\"\\u2028\\u2029<>&\\\"\\\\\\n\\u0001 مرحبا ✓ 😀\"]",
            "\"just a string\"", "42", "null", "true", "", "   \n ", "{}", "[]", "{\"nested\":[[[{}]]]}");

    private static final List<String> MALFORMED = List.of(
            "{\"a\":", "{\"a\" 1}", "[1,2", "{a:1}", "tru", "{\"a\":1}}", "{\"a\":1} x", "{\"a\":1} 2", "[1] [2]",
            "{\"a\":01}", "\"unterminated", "[" .repeat(201) + "]".repeat(201), "{\"n\":" + "9".repeat(101) + "}");

    @Test
    void writesWhatTheMapperWrites() throws Exception {
        List<JsonNode> trees = new ArrayList<>();
        for (String document : DOCUMENTS) {
            trees.add(Json.mapper().readTree(document));
        }
        ObjectNode built = Json.object();
        built.put("text", "<script>&\u2028\u2029 \"quoted\" \\ \t tab ✓");
        built.put("int", Integer.MIN_VALUE);
        built.put("long", Long.MAX_VALUE);
        built.put("short", (short) 7);
        built.put("float", 1.25f);
        built.put("double", 0.1);
        built.put("big", new BigInteger("123456789012345678901234567890"));
        built.put("decimal", new BigDecimal("1.50"));
        built.set("unix_float", Json.floatTime(Instant.parse("2026-01-01T00:00:00.123456Z")));
        built.set("whole_float", Json.floatTime(Instant.parse("2026-01-01T00:00:00Z")));
        built.set("iso", Json.iso(Instant.parse("2026-01-01T00:00:00.5Z")));
        built.putNull("nothing");
        built.putArray("empty");
        built.putObject("inner").putArray("list").add(1).add("two").addNull().add(false);
        built.set("pojo", new POJONode(List.of("a", 1)));
        trees.add(built);
        for (JsonNode tree : trees) {
            if (tree.isMissingNode()) {
                continue;
            }
            assertThat(Json.bytes(tree)).as(tree.toString()).isEqualTo(Json.mapper().writeValueAsBytes(tree));
            assertThat(Json.string(tree)).isEqualTo(Json.mapper().writeValueAsString(tree));
        }
        assertThat(Json.string(built)).contains("\\u003cscript\\u003e\\u0026\\u2028\\u2029");
    }

    @Test
    void readsWhatTheMapperReads() throws Exception {
        for (String document : DOCUMENTS) {
            JsonNode expected = Json.mapper().readTree(document);
            for (JsonNode actual : List.of(Json.parse(document, false), Json.parse(document, true),
                    Json.parse(document.getBytes(StandardCharsets.UTF_8), true))) {
                assertThat(actual).as(document).isEqualTo(expected);
                assertSameKinds(actual, expected);
            }
        }
    }

    @Test
    void failsWhereTheMapperFailsWithItsMessage() {
        var strict = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (String document : MALFORMED) {
            byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
            JsonProcessingException expected = catchThrowableOfType(JsonProcessingException.class,
                    () -> strict.readTree(bytes));
            JsonProcessingException actual = catchThrowableOfType(JsonProcessingException.class,
                    () -> Json.parse(bytes, true));
            assertThat(expected).as(document).isNotNull();
            assertThat(actual).as(document).isNotNull();
            assertThat(actual.getOriginalMessage()).as(document).isEqualTo(expected.getOriginalMessage());
        }
        // Without the strict flag, trailing content is ignored, as by ObjectMapper.readTree.
        assertThat(catchThrowableOfType(JsonProcessingException.class, () -> Json.parse("{\"a\":1} 2", false))).isNull();
    }

    /** Same node classes all the way down (IntNode vs LongNode vs BigIntegerNode, DoubleNode …). */
    private static void assertSameKinds(JsonNode actual, JsonNode expected) {
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        if (expected instanceof ObjectNode) {
            assertThat(List.copyOf(iterable(actual.fieldNames()))).isEqualTo(List.copyOf(iterable(expected.fieldNames())));
            expected.fieldNames().forEachRemaining(name -> assertSameKinds(actual.get(name), expected.get(name)));
        } else if (expected instanceof ArrayNode) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameKinds(actual.get(i), expected.get(i));
            }
        }
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
