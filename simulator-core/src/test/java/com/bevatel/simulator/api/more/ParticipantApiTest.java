package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.domain.Users;
import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.Role;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.Sequence;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /conversations/{id}/participants} (app/controllers/api/v1/accounts/conversations/participants_controller.rb,
 * app/models/conversation_participant.rb): agent partials; only the inbox's assignable agents (its members and the
 * account's administrators) may be added, any member who may see the conversation may change the list.
 */
@ExtendWith(WorldPerTest.class)
class ParticipantApiTest {
    static final String INVALID = "{\"error\":\"Invalid participant IDs\"}";

    World world;
    long conversation;
    String participants;
    long admin;
    long sam;
    long kim;

    @BeforeEach
    void start() {
        conversation = world.conversation("Alice");
        participants = Http.account("/conversations/" + conversation + "/participants");
        admin = world.sim.administrator().id();
        sam = world.sim.user("Sam Agent").id();
        kim = world.sim.user("Kim Agent").id();
        world.events.clear();
    }

    private static List<Long> ids(JsonNode agents) {
        List<Long> out = new ArrayList<>();
        agents.forEach(a -> out.add(a.get("id").asLong()));
        return out;
    }

    private String userIds(long... ids) {
        StringBuilder json = new StringBuilder("{\"user_ids\":[");
        for (int i = 0; i < ids.length; i++) {
            json.append(i == 0 ? "" : ",").append(ids[i]);
        }
        return json.append("]}").toString();
    }

    @Test
    void createAnswersTheAddedOnesShowListsAllInTheOrderAdded() {
        assertThat(world.sam.get(participants).body()).isEqualTo("[]");
        Http.Result added = world.sam.post(participants, userIds(kim, admin));
        assertThat(added.status()).isEqualTo(200);
        assertThat(ids(added.json())).containsExactly(kim, admin);
        JsonNode kimAgent = added.json().get(0);
        List<String> keys = new ArrayList<>();
        kimAgent.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "account_id", "availability_status", "auto_offline", "confirmed", "email",
                "provider", "available_name", "name", "role", "thumbnail");
        assertThat(kimAgent.get("email").asText()).isEqualTo("kim@acme.test");
        assertThat(kimAgent.get("role").asText()).isEqualTo("agent");

        // Already there: not answered again; a new id given twice is answered twice.
        assertThat(ids(world.kim.post(participants, userIds(kim, sam, sam)).json())).containsExactly(sam, sam);
        assertThat(world.admin.post(participants, userIds(kim)).body()).isEqualTo("[]");
        assertThat(world.admin.post(participants, "{\"user_ids\":[]}").body()).isEqualTo("[]");
        assertThat(ids(world.admin.get(participants).json())).containsExactly(kim, admin, sam);
        assertThat(world.events.list()).as("no event, no activity line").isEmpty();
        assertThat(world.contents(conversation)).isEmpty();
    }

    @Test
    void onlyAssignableAgentsMayBeAddedAndARefusalChangesNothing() {
        world.admin.post(participants, userIds(sam));
        for (String body : List.of(userIds(kim, 999), userIds(0), "{\"user_ids\":[\"abc\"]}",
                userIds(otherAccountsUser()))) {
            Http.Result refused = world.admin.post(participants, body);
            assertThat(refused.status()).as(body).isEqualTo(422);
            assertThat(refused.body()).isEqualTo(INVALID);
            assertThat(world.admin.patch(participants, body).body()).isEqualTo(INVALID);
        }
        assertThat(ids(world.admin.get(participants).json())).containsExactly(sam);
        // Numeric strings are ids, as Ruby's to_i reads them.
        assertThat(ids(world.admin.post(participants, "{\"user_ids\":[\"" + kim + "\"]}").json())).containsExactly(kim);
    }

    @Test
    void updateSetsTheExactListAndAnswersItDestroyRemovesWhatItNames() {
        world.admin.post(participants, userIds(sam, kim));
        Http.Result replaced = world.sam.patch(participants, userIds(kim, admin));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(ids(replaced.json())).containsExactly(kim, admin);
        assertThat(ids(world.sam.put(participants, userIds(admin, sam)).json())).containsExactly(admin, sam);

        Http.Result removed = world.kim.send("DELETE", participants, userIds(admin, 999, kim), "application/json");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body()).isEmpty();
        assertThat(ids(world.admin.get(participants).json())).containsExactly(sam);
        assertThat(world.admin.send("DELETE", participants, "{\"user_ids\":[\"" + sam + "\"]}", "application/json")
                .status()).isEqualTo(200);
        assertThat(world.admin.get(participants).body()).isEqualTo("[]");
    }

    @Test
    void userIdsMustBeAnArray() {
        for (String body : List.of("{}", "{\"user_ids\":null}")) {
            for (Http.Result r : List.of(world.admin.post(participants, body), world.admin.patch(participants, body),
                    world.admin.send("DELETE", participants, body, "application/json"))) {
                assertThat(r.status()).isEqualTo(422);
                assertThat(r.body()).isEqualTo("{\"error\":\"param is missing or the value is empty: user_ids\"}");
            }
        }
        assertThat(world.admin.post(participants, "{\"user_ids\":" + sam + "}").body())
                .isEqualTo("{\"error\":\"Invalid parameter user_ids: expected an array\"}");
        assertThat(world.admin.post(Http.account("/conversations/999/participants"), "{}").body())
                .as("the conversation is found first").isEqualTo(RolesAndBotsTest.NOT_FOUND);
    }

    @Test
    void participantsGoWithTheirConversation() {
        world.admin.post(participants, userIds(sam));
        String conversation = participants.substring(0, participants.lastIndexOf('/'));
        assertThat(world.admin.delete(conversation).status()).isEqualTo(200);
        assertThat(world.sim.exportState().get("conversation_participants")).isEmpty();
    }

    @Test
    void agentsOutsideTheInboxAndBotsAreRefused() {
        long hidden = world.conversationInUnstaffedInbox();
        String elsewhere = Http.account("/conversations/" + hidden + "/participants");
        for (String method : List.of("GET", "POST", "PATCH", "PUT", "DELETE")) {
            String body = method.equals("GET") ? null : userIds(admin);
            assertThat(world.sam.send(method, elsewhere, body, "application/json").body()).as(method)
                    .isEqualTo(RolesAndBotsTest.NOT_AUTHORIZED);
            assertThat(world.bot.send(method, participants, body, "application/json").body()).as(method)
                    .isEqualTo(RolesAndBotsTest.BOTS);
        }
        // In the other inbox only its members and the administrators are assignable: Sam is neither.
        assertThat(world.admin.post(elsewhere, userIds(sam)).body()).isEqualTo(INVALID);
        assertThat(ids(world.admin.post(elsewhere, userIds(admin)).json())).containsExactly(admin);
    }

    /** The administrator of a second account, made through the store (the builder makes one account). */
    private long otherAccountsUser() {
        return SimulatorAccess.store(world.sim).write(tx -> {
            Account account = new Account(tx.nextId(Sequence.ACCOUNT), "Other Account", tx.now());
            tx.state().accounts.put(account);
            return Users.add(tx, new User(tx.nextId(Sequence.USER), account.id(), "Olga Other", null, "olga@other.test",
                    Role.ADMINISTRATOR, "other-token", tx.token(), tx.now())).id();
        });
    }
}
