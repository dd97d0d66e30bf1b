package com.bevatel.simulator.contract;

import static com.bevatel.simulator.Http.account;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;

/**
 * {@link ContractTourTest}'s part for the conversation routes of issue 17: mute, unmute, unread,
 * transcript, attachments, participants, a message's retry, and search — each status each answers.
 */
final class ConversationExtrasTour {
    private ConversationExtrasTour() {
    }

    /** On conversation {@code id}, which has messages, as an administrator {@code app}; {@code agentId} is a member. */
    static void walk(Http app, long id, long agentId) {
        String conversation = account("/conversations/" + id);
        long message = ok(app.post(conversation + "/messages", "{\"content\":\"To retry\"}")).json().get("id").asLong();
        ok(app.patch(conversation + "/messages/" + message, "{\"status\":\"failed\",\"external_error\":\"down\"}"));
        ok(app.post(conversation + "/messages/" + message + "/retry", null));
        expect(422, app.post(conversation + "/messages/99999/retry", null));

        ok(app.post(conversation + "/unread", null));
        ok(app.get(conversation + "/attachments"));
        ok(app.post(conversation + "/transcript", "{\"email\":\"tour@example.com\"}"));
        expect(422, app.post(conversation + "/transcript", "{}"));

        String participants = conversation + "/participants";
        ok(app.post(participants, "{\"user_ids\":[" + agentId + "]}"));
        ok(app.get(participants));
        ok(app.patch(participants, "{\"user_ids\":[" + agentId + ",1]}"));
        ok(app.send("DELETE", participants, "{\"user_ids\":[1]}", "application/json"));
        expect(422, app.post(participants, "{\"user_ids\":[99999]}"));

        ok(app.get(account("/conversations/search?q=o")));
        for (String search : new String[] {"/search", "/search/conversations", "/search/contacts", "/search/messages",
                "/search/articles"}) {
            ok(app.get(account(search + "?q=a")));
        }
        ok(app.post(conversation + "/mute", null));
        ok(app.post(conversation + "/unmute", null));
    }

    private static Http.Result ok(Http.Result result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result;
    }

    private static void expect(int status, Http.Result result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
    }
}
