package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same script against two simulators (and after reset) answers byte for byte the same. */
class DeterminismTest {
    private static List<String> script(World world) {
        List<String> bodies = new ArrayList<>();
        long conversation = world.conversation("Alice");
        String base = Http.account("/conversations/" + conversation);
        bodies.add(world.admin.post(base + "/assignments", "{\"team_id\":1}").body());
        bodies.add(world.admin.post(base + "/labels", "{\"labels\":[\"vip\"]}").body());
        bodies.add(world.admin.patch(base, "{\"priority\":\"high\"}").body());
        bodies.add(world.admin.post(base + "/custom_attributes", "{\"custom_attributes\":{\"a\":1}}").body());
        bodies.add(new Multipart().file("attachments[]", "a.png", "image/png", AttachmentTest.png(1, 1))
                .post(world.sim.baseUrl(), base + "/messages", World.ADMIN).body());
        bodies.add(world.sam.post(base + "/update_last_seen", "{}").body());
        bodies.add(world.admin.withToken(null).post("/_simulator/agent/conversations/" + conversation + "/reply",
                "{\"agent\":\"Sam Agent\",\"content\":\"Hi {{contact.name}}\"}").body());
        long contact = world.show(conversation).at("/meta/sender/id").asLong();
        bodies.add(world.admin.get(Http.account("/contacts/" + contact + "/contactable_inboxes")).body());
        bodies.add(world.admin.post(Http.account("/contacts/filter"),
                "{\"payload\":[{\"attribute_key\":\"name\",\"filter_operator\":\"contains\",\"values\":[\"ali\"]}]}").body());
        bodies.add(world.admin.post(Http.account("/conversations/filter"),
                "{\"payload\":[{\"attribute_key\":\"labels\",\"filter_operator\":\"equal_to\",\"values\":[\"vip\"]}]}").body());
        bodies.add(world.admin.get(base + "/messages").body());
        bodies.add(String.valueOf(world.events.names()));
        // Attachment URLs carry the (free) port; everything else must match exactly.
        return bodies.stream().map(b -> b.replace(world.sim.baseUrl().toString(), "BASE")).toList();
    }

    @Test
    void twoSimulatorsWithTheSameSeedAgree() {
        List<String> first;
        List<String> second;
        try (World a = new World()) {
            first = script(a);
        }
        try (World b = new World()) {
            second = script(b);
        }
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as("answer " + i).isEqualTo(first.get(i));
        }
        assertThat(String.join("", first).getBytes(StandardCharsets.UTF_8).length).isGreaterThan(2000);
    }

    @Test
    void resetReplaysTheSameAnswers() {
        try (World world = new World()) {
            List<String> first = script(world);
            world.sim.reset();
            assertThat(script(world)).isEqualTo(first);
        }
    }
}
