package com.bevatel.simulator.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.event.DomainEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same seed and the same Client API calls give byte-identical bodies and the same events. */
class PublicDeterminismTest {

    /** A widget session end to end; every response as "status body". */
    private static List<String> widgetSession(PublicApi api) {
        List<String> out = new ArrayList<>();
        Http c = api.client;
        out.add(c.get(api.inbox()).toString());
        Http.Result anonymous = c.post(api.inbox() + "/contacts", "{}");
        out.add(anonymous.toString());
        String sourceId = anonymous.json().get("source_id").asText();
        out.add(c.patch(api.contact(sourceId), "{\"email\":\"visitor@x.io\",\"custom_attributes\":{\"plan\":\"trial\"}}").toString());
        out.add(c.post(api.inbox() + "/contacts", "{\"identifier\":\"user-1\",\"name\":\"Known\"}").toString());
        Http.Result conversation = c.post(api.contact(sourceId) + "/conversations", "{\"custom_attributes\":{\"a\":1}}");
        out.add(conversation.toString());
        String path = api.conversation(sourceId, conversation.json().get("id").asLong());
        out.add(c.post(path + "/messages", "{\"content\":\"Hello\"}").toString());
        out.add(api.app.post(Http.account("/conversations/1/messages"), "{\"content\":\"Hi, how can I help?\"}").toString());
        out.add(c.post(path + "/toggle_typing", "{\"typing_status\":\"on\"}").toString());
        out.add(c.post(path + "/update_last_seen", "").toString());
        out.add(c.post(path + "/toggle_status", "").toString());
        out.add(c.get(path + "/messages").toString());
        out.add(c.get(api.contact(sourceId) + "/conversations").toString());
        out.add(c.get(api.contact(sourceId)).toString());
        return out;
    }

    @Test
    void sameSeedSameBodiesAndEvents() {
        List<String> first;
        List<DomainEvent> firstEvents;
        try (PublicApi api = new PublicApi(BevatelSimulator.builder().seed(7).start())) {
            first = widgetSession(api);
            firstEvents = api.events();
        }
        try (PublicApi api = new PublicApi(BevatelSimulator.builder().seed(7).start())) {
            assertThat(widgetSession(api)).containsExactlyElementsOf(first);
            assertThat(api.events()).containsExactlyElementsOf(firstEvents);
            api.reset();
            assertThat(widgetSession(api)).as("after a reset too").containsExactlyElementsOf(first);
        }
        assertThat(first).allMatch(response -> response.startsWith("200 "));
    }

    @Test
    void anotherSeedGivesOtherIdentifiersAndNames() {
        List<String> seven;
        List<String> eight;
        try (PublicApi api = new PublicApi(BevatelSimulator.builder().seed(7).start())) {
            seven = widgetSession(api);
        }
        try (PublicApi api = new PublicApi(BevatelSimulator.builder().seed(8).start())) {
            eight = widgetSession(api);
        }
        assertThat(eight.get(1)).isNotEqualTo(seven.get(1));
        assertThat(eight.get(0)).isNotEqualTo(seven.get(0));
    }
}
