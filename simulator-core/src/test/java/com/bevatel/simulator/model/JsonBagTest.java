package com.bevatel.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class JsonBagTest {
    private static ObjectNode object(String json) throws Exception {
        return (ObjectNode) Json.parse(json, true);
    }

    @Test
    void whatGoesInIsCopied() throws Exception {
        ObjectNode source = object("{\"a\":{\"b\":1}}");
        JsonBag bag = JsonBag.of(source);
        ((ObjectNode) source.get("a")).put("b", 2);
        source.put("c", 3);

        assertThat(bag.toString()).isEqualTo("{\"a\":{\"b\":1}}");
    }

    @Test
    void nothingHandedOutChangesTheBag() throws Exception {
        JsonBag bag = JsonBag.of(object("{\"a\":{\"b\":1},\"list\":[1]}"));
        ((ObjectNode) bag.get("a")).put("b", 2);
        ((ObjectNode) bag.path("a")).put("x", true);
        bag.toObjectNode().put("c", 3);
        ((ArrayNode) bag.get("list")).add(2);

        assertThat(bag.toString()).isEqualTo("{\"a\":{\"b\":1},\"list\":[1]}");
        assertThat(bag.keys()).containsExactly("a", "list");
    }

    @Test
    void derivedBagsLeaveTheirOriginAlone() throws Exception {
        JsonBag origin = JsonBag.of(object("{\"a\":1,\"b\":{\"c\":1}}"));

        JsonBag changed = origin.with("a", TextNode.valueOf("x")).withAll(object("{\"d\":[1]}")).without("b");

        assertThat(changed.toString()).isEqualTo("{\"a\":\"x\",\"d\":[1]}");
        assertThat(origin.toString()).isEqualTo("{\"a\":1,\"b\":{\"c\":1}}");
    }

    @Test
    void keysKeepTheirPlaceWhenSetAgain() throws Exception {
        JsonBag bag = JsonBag.of(object("{\"a\":1,\"b\":2}")).with("a", TextNode.valueOf("x")).with("c", null);

        assertThat(bag.toString()).isEqualTo("{\"a\":\"x\",\"b\":2,\"c\":null}");
        assertThat(bag.has("c")).isTrue();
        assertThat(bag.get("missing")).isNull();
        assertThat(bag.path("missing").isMissingNode()).isTrue();
    }

    @Test
    void emptyAndNullAreTheEmptyBag() throws Exception {
        assertThat(JsonBag.of(null)).isSameAs(JsonBag.EMPTY);
        assertThat(JsonBag.of(object("{}"))).isSameAs(JsonBag.EMPTY);
        assertThat(JsonBag.ofObject(Json.text("not an object"))).isSameAs(JsonBag.EMPTY);
        assertThat(JsonBag.of(object("{\"a\":1}")).without("a")).isSameAs(JsonBag.EMPTY);
        assertThat(JsonBag.EMPTY.isEmpty()).isTrue();
        assertThat(JsonBag.EMPTY.size()).isZero();
    }

    @Test
    void bagsAreEqualByContent() throws Exception {
        assertThat(JsonBag.of(object("{\"a\":[1,{\"b\":null}]}")))
                .isEqualTo(JsonBag.of(object("{\"a\":[1,{\"b\":null}]}")))
                .hasSameHashCodeAs(JsonBag.of(object("{\"a\":[1,{\"b\":null}]}")))
                .isNotEqualTo(JsonBag.of(object("{\"a\":[1]}")));
    }
}
