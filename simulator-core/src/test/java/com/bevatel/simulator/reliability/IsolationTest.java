package com.bevatel.simulator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.CannedResponse;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.CustomAttributeDefinition;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.Label;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.Team;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.Webhook;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two accounts, two tokens, two API inboxes, two bots, a team, a label and a canned response each. Every Application API route is called
 * with one account's token, and with its bot's, against the other account (path, record ids, and ids
 * inside the body), in both directions; every Client API route with another inbox's contact, another
 * contact's conversations and messages. No answer may be a 5xx or carry the other tenant's data, a
 * rejected one changes nothing, and an accepted one leaves the other tenant's view (all its list and
 * detail endpoints) as it was and puts none of its data into the caller's.
 */
class IsolationTest {
    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)}");
    private static BevatelSimulator sim;
    private static Router router;
    private static IsolationWorld world;
    private static final Map<String, Integer> outcomes = new TreeMap<>();

    @BeforeAll
    static void start() {
        AtomicReference<Router> captured = new AtomicReference<>();
        sim = BevatelSimulator.builder().accessToken(IsolationWorld.ONE_TOKEN).extension((r, s) -> captured.set(r)).start();
        router = captured.get();
        world = IsolationWorld.build(sim);
    }

    @AfterAll
    static void stop() {
        System.out.println("isolation: " + outcomes.values().stream().mapToInt(Integer::intValue).sum() + " cases, " + outcomes);
        sim.close();
    }

    @Test
    void noApplicationApiRequestOfOneAccountReadsOrChangesTheOther() {
        List<String> routes = router.routes().stream().map(r -> r.method() + " " + r.template()).filter(r -> r.contains(Router.ACCOUNT)).toList();
        assertThat(routes).hasSizeGreaterThan(40);
        for (IsolationWorld.Tenant attacker : List.of(world.one, world.two)) {
            IsolationWorld.Tenant victim = attacker == world.one ? world.two : world.one;
            // The account's administrator, then its bot (Chatwoot: "Bot is not authorized to access this account").
            for (String token : List.of(attacker.token(), attacker.botToken())) {
                for (String route : routes) {
                    String[] parts = route.split(" ", 2);
                    for (long account : List.of(victim.accountId(), attacker.accountId())) {
                        for (String path : paths(parts[1], account, victim)) {
                            attack("application", token, parts[0], path, world.crossReferencingBody(victim),
                                    account == victim.accountId() ? 401 : null, attacker, victim);
                        }
                    }
                }
            }
        }
    }

    /**
     * Another account's bot named in one's own records: serving one's inbox (404, as Chatwoot's
     * {@code AgentBot.accessible_to(Current.account).find}), assigned one's conversation (no bot found:
     * null, nothing changes), or the sender of one's message (the caller sends it).
     */
    @Test
    void anotherAccountsBotCannotBeAttachedAssignedOrSpokenFor() {
        for (IsolationWorld.Tenant attacker : List.of(world.one, world.two)) {
            IsolationWorld.Tenant victim = attacker == world.one ? world.two : world.one;
            long bot = victim.botIds().get(1);
            String conversation = attacker.path("/conversations/" + attacker.conversationIds().get(0));
            attack("application", attacker.token(), "POST", attacker.path("/inboxes/" + attacker.inboxId() + "/set_agent_bot"),
                    "{\"agent_bot\":" + bot + "}", 404, attacker, victim);
            attack("application", attacker.token(), "POST", conversation + "/assignments",
                    "{\"assignee_id\":" + bot + ",\"assignee_type\":\"AgentBot\"}", 200, attacker, victim);
            attack("application", attacker.token(), "POST", conversation + "/messages",
                    "{\"content\":\"as another bot\",\"sender_type\":\"AgentBot\",\"sender_id\":" + bot + "}", 200, attacker, victim);
            attack("application", attacker.botToken(), "POST", conversation + "/assignments",
                    "{\"assignee_id\":" + bot + ",\"assignee_type\":\"AgentBot\"}", 200, attacker, victim);
        }
    }

    @Test
    void theClientApiReachesNoOtherInboxesContactsNorOtherContactsConversations() {
        List<String> routes = router.routes().stream().map(r -> r.method() + " " + r.template()).filter(r -> r.contains("/public/api/v1/inboxes/{inbox_identifier}/contacts/")).toList();
        assertThat(routes).hasSizeGreaterThan(10);
        IsolationWorld.PublicContact own = world.publicOwn;
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            List<Map<String, String>> guesses = List.of(
                    // another account's inbox with our contact, and our inbox with another inbox's contact
                    Map.of("inbox_identifier", world.two.inboxIdentifier(), "contact_identifier", own.sourceId()),
                    Map.of("inbox_identifier", own.inboxIdentifier(), "contact_identifier", world.publicOther.sourceId()),
                    // our contact, another contact's conversation (same inbox) and messages
                    Map.of("inbox_identifier", own.inboxIdentifier(), "contact_identifier", own.sourceId(),
                            "conversation_id", world.publicNeighbour.conversationId(), "message_id", world.publicNeighbour.messageId()),
                    Map.of("inbox_identifier", own.inboxIdentifier(), "contact_identifier", own.sourceId(),
                            "conversation_id", own.conversationId(), "message_id", world.publicNeighbour.messageId()));
            for (Map<String, String> guess : guesses) {
                String path = fill(parts[1], name -> guess.getOrDefault(name, name.equals("conversation_id") ? own.conversationId()
                        : own.messageId()));
                boolean reachesOwnRecords = guess.get("conversation_id") != null && guess.get("conversation_id").equals(own.conversationId())
                        && !parts[1].contains("{message_id}");
                boolean contactOnly = !parts[1].contains("{conversation_id}") && guess.containsKey("conversation_id");
                if (reachesOwnRecords || contactOnly) {
                    continue; // those guesses name only the caller's own records on this route
                }
                List<String> markers = new ArrayList<>(world.markers(world.two));
                markers.addAll(List.of("neighbour-secret-message", "Nia Neighbour"));
                attack("client", null, parts[0], path, "{\"content\":\"attack\",\"name\":\"attack\"}", 404, null, world.two, markers);
            }
        }
    }

    private static void attack(String api, String token, String method, String path, String body, Integer expected,
                               IsolationWorld.Tenant attacker, IsolationWorld.Tenant victim) {
        attack(api, token, method, path, body, expected, attacker, victim, world.markers(victim));
    }

    /**
     * One request; {@code expected} is the exact status when known. An accepted one must leave the
     * victim's view as it was and put none of the victim's data into the {@code attacker}'s (null: none).
     */
    private static void attack(String api, String token, String method, String path, String body, Integer expected,
                               IsolationWorld.Tenant attacker, IsolationWorld.Tenant victim, List<String> markers) {
        String before = StateFingerprint.of(sim);
        Http.Result result = new Http(sim.baseUrl(), token).send(method, path,
                method.equals("GET") || method.equals("DELETE") ? null : body, "application/json");
        String context = token + " → " + method + " " + path + ": " + result;
        outcomes.merge(api + " " + result.status(), 1, Integer::sum);
        assertThat(result.status()).as(context).isLessThan(500);
        if (expected != null) {
            assertThat(result.status()).as(context).isEqualTo(expected);
        }
        for (String marker : markers) {
            assertThat(result.body()).as("%s leaks %s", context, marker).doesNotContain(marker);
        }
        if (result.status() >= 400) {
            assertThat(StateFingerprint.of(sim)).as("a rejected request changed the state: %s", context).isEqualTo(before);
        } else {
            assertThat(world.currentView(victim)).as("the other tenant's view changed: %s", context).isEqualTo(world.view(victim));
            if (attacker != null) {
                String own = world.currentView(attacker);
                for (String marker : markers) {
                    assertThat(own).as("%s put %s into the caller's own records", context, marker).doesNotContain(marker);
                }
            }
            world = IsolationWorld.rebuild(sim);
        }
    }

    /** The route's path for {@code account}, once per record of the victim each id parameter could name. */
    private static List<String> paths(String template, long account, IsolationWorld.Tenant victim) {
        List<String> paths = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(template);
        List<String> ids = new ArrayList<>();
        while (matcher.find()) {
            if (!matcher.group(1).equals("account_id")) {
                ids.add(matcher.group(1));
            }
        }
        String base = template.replace("{account_id}", Long.toString(account));
        if (ids.isEmpty()) {
            return List.of(base);
        }
        String last = ids.get(ids.size() - 1);
        for (String value : victim.idsFor(template, last)) {
            paths.add(fill(base, name -> name.equals(last) ? value : victim.idsFor(template, name).get(0)));
        }
        return paths;
    }

    private static String fill(String template, Function<String, String> values) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.apply(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    @Test
    void theWorldHasWhatTheAttacksNeed() {
        SimulatorAccess.store(sim).read(state -> {
            // two through the Application API, one through the Client API
            assertThat(records(state.contacts.all(), Contact::accountId, world.two.accountId())).hasSize(3);
            assertThat(records(state.conversations.all(), Conversation::accountId, world.two.accountId())).hasSize(3);
            assertThat(records(state.messages.all(), Message::accountId, world.two.accountId())).isNotEmpty();
            assertThat(records(state.inboxes.all(), Inbox::accountId, world.two.accountId())).hasSize(1);
            assertThat(records(state.webhooks.all(), Webhook::accountId, world.two.accountId())).hasSize(1);
            assertThat(records(state.users.all(), User::accountId, world.two.accountId())).hasSize(1);
            assertThat(records(state.agentBots.all(), AgentBot::accountId, world.two.accountId())).hasSize(2);
            assertThat(state.agentBotInboxes.find(world.two.inboxId())).isPresent();
            assertThat(records(state.customAttributeDefinitions.all(), CustomAttributeDefinition::accountId,
                    world.two.accountId())).hasSize(2);
            assertThat(records(state.teams.all(), Team::accountId, world.two.accountId())).hasSize(1);
            assertThat(state.membersOfTeam.of(world.two.teamIds().get(0))).containsExactly(world.two.adminId());
            assertThat(records(state.labels.all(), Label::accountId, world.two.accountId())).hasSize(1);
            assertThat(records(state.cannedResponses.all(), CannedResponse::accountId, world.two.accountId())).hasSize(1);
            assertThat(state.conversationByDisplayId.find(new State.DisplayKey(world.two.accountId(), world.two.conversationIds().get(0)))
                    .map(state.conversations::get).orElseThrow().teamId()).isEqualTo(world.two.teamIds().get(0));
            assertThat(records(state.notes.all(), n -> n.accountId(), world.two.accountId())).hasSize(2);
            assertThat(records(state.attachments.all(), a -> a.accountId(), world.two.accountId())).hasSize(1);
            assertThat(state.conversationByDisplayId.find(new State.DisplayKey(world.two.accountId(), world.two.conversationIds().get(1)))
                    .map(state.conversations::get).orElseThrow().assigneeBotId()).isEqualTo(world.two.botIds().get(0));
            return null;
        });
        assertThat(world.markers(world.two)).hasSizeGreaterThan(12);
        JsonNode own = new Http(sim.baseUrl(), world.two.token()).get(world.two.path("/contacts")).json();
        assertThat(own.toString()).as("the markers are what the owner sees").contains("Zed Two");
    }

    private static <R> List<R> records(java.util.Collection<R> rows, java.util.function.ToLongFunction<R> account, long id) {
        return rows.stream().filter(r -> account.applyAsLong(r) == id).toList();
    }
}
