package com.bevatel.simulator.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Map;

/**
 * Tree nodes to and from a streaming generator or parser, exactly as jackson-databind's own node
 * serialization and {@code JsonNodeDeserializer} (default settings) do it, without an ObjectMapper.
 * A node of any other kind than the standard ones is written by the mapper itself.
 */
final class JsonTrees {
    private JsonTrees() {
    }

    static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node instanceof ObjectNode object && object.getClass() == ObjectNode.class) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                g.writeFieldName(property.getKey());
                write(g, property.getValue());
            }
            g.writeEndObject();
        } else if (node instanceof ArrayNode array && array.getClass() == ArrayNode.class) {
            g.writeStartArray();
            for (JsonNode item : array) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (node instanceof TextNode) {
            g.writeString(node.textValue());
        } else if (node instanceof IntNode || node instanceof ShortNode) {
            g.writeNumber(node.intValue());
        } else if (node instanceof LongNode) {
            g.writeNumber(node.longValue());
        } else if (node instanceof BooleanNode) {
            g.writeBoolean(node.booleanValue());
        } else if (node instanceof NullNode) {
            g.writeNull();
        } else if (node instanceof DecimalNode) {
            g.writeNumber(node.decimalValue());
        } else if (node instanceof DoubleNode) {
            g.writeNumber(node.doubleValue());
        } else if (node instanceof FloatNode) {
            g.writeNumber(node.floatValue());
        } else if (node instanceof BigIntegerNode) {
            g.writeNumber(node.bigIntegerValue());
        } else {
            Json.mapper().writeTree(g, node);
        }
    }

    /** The document's value ({@link MissingNode} when there is none); trailing content fails when asked. */
    static JsonNode read(JsonParser p, boolean rejectTrailing) throws IOException {
        return read(p, rejectTrailing, Integer.MAX_VALUE);
    }

    /** As {@link #read(JsonParser, boolean)}, failing once more than {@code maxLeaves} leaves were read. */
    static JsonNode read(JsonParser p, boolean rejectTrailing, int maxLeaves) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return MissingNode.getInstance();
        }
        JsonNode root = new Reader(maxLeaves).value(p, first);
        p.clearCurrentToken();
        if (rejectTrailing) {
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                // DeserializationFeature.FAIL_ON_TRAILING_TOKENS' wording.
                throw new JsonParseException(p, String.format("Trailing token (of type %s) found after value (bound as %s):"
                        + " not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`",
                        trailing, "`" + JsonNode.class.getName() + "`"));
            }
        }
        return root;
    }

    /** Builds the tree, counting leaves: a scalar, or an empty object or array. */
    private static final class Reader {
        private final int maxLeaves;
        private int leaves;

        Reader(int maxLeaves) {
            this.maxLeaves = maxLeaves;
        }

        private JsonNode leaf(JsonNode node) throws IOException {
            if (++leaves > maxLeaves) {
                throw new Json.TooManyValuesException(maxLeaves);
            }
            return node;
        }

        private JsonNode value(JsonParser p, JsonToken token) throws IOException {
            switch (token) {
                case START_OBJECT: {
                    ObjectNode object = Json.NODES.objectNode();
                    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                        object.replace(name, value(p, p.nextToken())); // a repeated name: the last value wins
                    }
                    return object.isEmpty() ? leaf(object) : object;
                }
                case START_ARRAY: {
                    ArrayNode array = Json.NODES.arrayNode();
                    for (JsonToken next = p.nextToken(); next != JsonToken.END_ARRAY; next = p.nextToken()) {
                        array.add(value(p, next));
                    }
                    return array.isEmpty() ? leaf(array) : array;
                }
                default:
                    return leaf(scalar(p, token));
            }
        }

        private static JsonNode scalar(JsonParser p, JsonToken token) throws IOException {
            switch (token) {
                case VALUE_STRING:
                    return Json.NODES.textNode(p.getText());
                case VALUE_NUMBER_INT:
                    switch (p.getNumberType()) {
                        case INT:
                            return Json.NODES.numberNode(p.getIntValue());
                        case LONG:
                            return Json.NODES.numberNode(p.getLongValue());
                        default:
                            return Json.NODES.numberNode(p.getBigIntegerValue());
                    }
                case VALUE_NUMBER_FLOAT:
                    switch (p.getNumberTypeFP()) {
                        case BIG_DECIMAL:
                            return Json.NODES.numberNode(p.getDecimalValue());
                        case FLOAT32:
                            return Json.NODES.numberNode(p.getFloatValue());
                        default:
                            return Json.NODES.numberNode(p.getDoubleValue());
                    }
                case VALUE_TRUE:
                    return Json.NODES.booleanNode(true);
                case VALUE_FALSE:
                    return Json.NODES.booleanNode(false);
                case VALUE_NULL:
                    return Json.NODES.nullNode();
                default:
                    // Not produced by a JSON parser for a value (embedded objects come from binary formats).
                    throw new JsonParseException(p, "Unexpected token (" + token + ") for a JSON value");
            }
        }
    }
}
