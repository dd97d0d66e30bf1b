package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A JSON object that cannot change: Chatwoot's free-form attribute bags ({@code content_attributes},
 * {@code custom_attributes}, …) as the model's records hold them.
 *
 * <p>What goes in is copied, and nothing inside is handed out that could change it: containers are
 * copied on the way out, scalars are Jackson's immutable value nodes. Because a bag never changes,
 * bags made from one another share their unchanged values. Keys keep the order they were put in,
 * which is the order Chatwoot renders them in.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class JsonBag {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** The bag without keys. */
    public static final JsonBag EMPTY = new JsonBag(NODES.objectNode());

    /** Never handed out, never changed after construction; its values may be shared with other bags. */
    private final ObjectNode node;

    private JsonBag(ObjectNode node) {
        this.node = node;
    }

    /**
     * A bag holding a copy of the object.
     *
     * @param object the keys and values, or null for none
     * @return the bag; {@link #EMPTY} for null or an empty object
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static JsonBag of(ObjectNode object) {
        return object == null || object.isEmpty() ? EMPTY : new JsonBag(object.deepCopy());
    }

    /**
     * A bag of the node's keys and values.
     *
     * @param node an object, or anything else for the empty bag (as Chatwoot stores a non-hash as {@code {}})
     * @return the bag
     */
    public static JsonBag ofObject(JsonNode node) {
        return node instanceof ObjectNode object ? of(object) : EMPTY;
    }

    /**
     * The value of a key.
     *
     * @param key the key
     * @return the value (a copy when it is an object or array), or null when absent
     */
    public JsonNode get(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isValueNode() ? value : value.deepCopy();
    }

    /**
     * The value of a key, as {@link JsonNode#path(String)} finds it.
     *
     * @param key the key
     * @return the value (a copy when it is an object or array), or a missing node when absent
     */
    public JsonNode path(String key) {
        JsonNode value = get(key);
        return value == null ? MissingNode.getInstance() : value;
    }

    /**
     * Whether the key is present, with any value (JSON null included).
     *
     * @param key the key
     * @return whether it is present
     */
    public boolean has(String key) {
        return node.has(key);
    }

    /**
     * Whether the bag has no keys.
     *
     * @return whether it is empty
     */
    public boolean isEmpty() {
        return node.isEmpty();
    }

    /**
     * How many keys it has.
     *
     * @return the number of keys
     */
    public int size() {
        return node.size();
    }

    /**
     * The keys, in order.
     *
     * @return a read-only set
     */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return Collections.unmodifiableSet(keys);
    }

    /**
     * A copy to change or to put into another tree.
     *
     * @return a new object, independent of the bag
     */
    public ObjectNode toObjectNode() {
        return node.deepCopy();
    }

    /**
     * This bag with one key set (appended when new, in place when present).
     *
     * @param key   the key
     * @param value its value, copied; null sets JSON null
     * @return a new bag
     */
    public JsonBag with(String key, JsonNode value) {
        ObjectNode next = shallowCopy();
        next.set(key, value == null ? NODES.nullNode() : value.deepCopy());
        return new JsonBag(next);
    }

    /**
     * This bag with every key of the object set, as Ruby's {@code Hash#merge}.
     *
     * @param object the keys to set, copied; null changes nothing
     * @return a new bag, or this one when nothing is set
     */
    public JsonBag withAll(ObjectNode object) {
        if (object == null || object.isEmpty()) {
            return this;
        }
        ObjectNode next = shallowCopy();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            next.set(entry.getKey(), entry.getValue().deepCopy());
        }
        return new JsonBag(next);
    }

    /**
     * This bag without the key.
     *
     * @param key the key
     * @return a new bag, or this one when the key is absent
     */
    public JsonBag without(String key) {
        if (!node.has(key)) {
            return this;
        }
        ObjectNode next = shallowCopy();
        next.remove(key);
        return next.isEmpty() ? EMPTY : new JsonBag(next);
    }

    /** What a state file holds: Jackson only writes it out. */
    @JsonValue
    private ObjectNode json() {
        return node;
    }

    /** A new top-level map over the same (never changed) values. */
    private ObjectNode shallowCopy() {
        ObjectNode copy = NODES.objectNode();
        copy.setAll(node);
        return copy;
    }

    /** Bags are equal when their JSON is, key order aside (as Jackson compares objects). */
    @Override
    public boolean equals(Object other) {
        return other instanceof JsonBag bag && node.equals(bag.node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    /** The bag as compact JSON. */
    @Override
    public String toString() {
        return node.toString();
    }
}
