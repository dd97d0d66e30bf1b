package com.bevatel.simulator.reliability;

import static com.bevatel.simulator.Http.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.Http;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.Webhook;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Two tenants with distinctive data (names, emails, contents, webhook URLs, bots: one serving the
 * inbox and assigned a conversation, one spare; the administrator taking part in a conversation; a team
 * of the administrator assigned a conversation, a label, a canned response; custom attribute definitions
 * their records carry) made through their own tokens, and three Client API contacts: ours, a neighbour in
 * the same inbox, and one in the other account's inbox. Rebuilt from a
 * reset after every accepted attack; the simulator is deterministic, so every build has the same ids.
 */
final class IsolationWorld {
    static final String ONE_TOKEN = "iso-token-one";
    static final String TWO_TOKEN = "iso-token-two";

    /** One account as its owner knows it. */
    record Tenant(String name, long accountId, String token, long adminId, long inboxId, String inboxIdentifier,
                  List<Long> contactIds, List<String> sourceIds, List<Long> conversationIds, List<Long> messageIds,
                  List<Long> webhookIds, List<Long> botIds, String botToken, List<Long> noteIds, List<Long> teamIds,
                  List<Long> labelIds, List<Long> cannedResponseIds, List<Long> definitionIds) {
        String path(String subPath) {
            return "/api/v1/accounts/" + accountId + subPath;
        }

        /** Ids of this tenant's records that the parameter {@code name} of {@code template} names. */
        List<String> idsFor(String template, String name) {
            List<Long> ids;
            if (name.equals("conversation_id")) {
                ids = conversationIds;
            } else if (name.equals("note_id")) {
                ids = noteIds;
            } else if (template.contains("/messages/{id}")) {
                ids = messageIds;
            } else if (template.contains("/contacts/{id}")) {
                ids = contactIds;
            } else if (template.contains("/inboxes/{id}")) {
                ids = List.of(inboxId);
            } else if (template.contains("/webhooks/{id}")) {
                ids = webhookIds;
            } else if (template.contains("/agent_bots/{id}")) {
                ids = botIds;
            } else if (template.contains("/custom_attribute_definitions/{id}")) {
                ids = definitionIds;
            } else if (template.contains("/agents/{id}")) {
                ids = List.of(adminId);
            } else if (name.equals("inbox_id")) {
                ids = List.of(inboxId);
            } else if (name.equals("team_id") || template.contains("/teams/{id}")) {
                ids = teamIds;
            } else if (template.contains("/labels/{id}")) {
                ids = labelIds;
            } else if (template.contains("/canned_responses/{id}")) {
                ids = cannedResponseIds;
            } else {
                throw new IllegalArgumentException("unknown parameter " + name + " in " + template);
            }
            return ids.stream().map(String::valueOf).toList();
        }
    }

    /** A Client API contact: its inbox, its source id (the credential), a conversation and a message of it. */
    record PublicContact(String inboxIdentifier, String sourceId, String conversationId, String messageId) {
    }

    final Tenant one;
    final Tenant two;
    final PublicContact publicOwn;
    final PublicContact publicNeighbour;
    final PublicContact publicOther;
    private final BevatelSimulator sim;
    private final String viewOne;
    private final String viewTwo;

    private IsolationWorld(BevatelSimulator sim) {
        this.sim = sim;
        OtherAccount other = OtherAccount.add(sim, TWO_TOKEN);
        Http first = new Http(sim.baseUrl(), ONE_TOKEN);
        Http second = new Http(sim.baseUrl(), TWO_TOKEN);
        this.one = tenant(first, "one", 1, sim.apiInbox().id(), List.of("Ana One", "Bo One"));
        this.two = tenant(second, "two", other.accountId(), other.inboxId(), List.of("Zed Two", "Yan Two"));
        this.publicOwn = publicContact(one.inboxIdentifier(), "Pat Public", "public-own-message");
        this.publicNeighbour = publicContact(one.inboxIdentifier(), "Nia Neighbour", "neighbour-secret-message");
        this.publicOther = publicContact(two.inboxIdentifier(), "Oz Other", "other-inbox-secret-message");
        this.viewOne = computeView(one);
        this.viewTwo = computeView(two);
    }

    static IsolationWorld build(BevatelSimulator sim) {
        return new IsolationWorld(sim);
    }

    static IsolationWorld rebuild(BevatelSimulator sim) {
        sim.reset();
        return new IsolationWorld(sim);
    }

    private Tenant tenant(Http http, String name, long accountId, long inboxId, List<String> people) {
        String base = "/api/v1/accounts/" + accountId;
        List<Long> contacts = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<Long> conversations = new ArrayList<>();
        List<Long> messages = new ArrayList<>();
        List<Long> notes = new ArrayList<>();
        for (String person : people) {
            String handle = person.toLowerCase().replace(' ', '.');
            JsonNode contact = ok(http.post(base + "/contacts", "{\"inbox_id\":" + inboxId + ",\"name\":\"" + person
                    + "\",\"email\":\"" + handle + "@" + name + ".test\"}"));
            contacts.add(contact.at("/payload/contact/id").asLong());
            String source = contact.at("/payload/contact_inbox/source_id").asText();
            sources.add(source);
            long conversation = ok(http.post(base + "/conversations", "{\"source_id\":\"" + source + "\"}")).get("id").asLong();
            conversations.add(conversation);
            messages.add(ok(http.post(base + "/conversations/" + conversation + "/messages",
                    "{\"content\":\"" + name + "-secret-message-of-" + handle + "\",\"message_type\":\"incoming\"}")).get("id").asLong());
            ok(http.post(base + "/conversations/" + conversation + "/labels", "{\"labels\":[\"" + name + "-label\"]}"));
            notes.add(ok(http.post(base + "/contacts/" + contacts.get(contacts.size() - 1) + "/notes",
                    "{\"content\":\"" + name + "-secret-note-of-" + handle + "\"}")).get("id").asLong());
        }
        // A file in the first conversation, for the contact's attachments.
        String boundary = "isolation-boundary";
        ok(http.send("POST", base + "/conversations/" + conversations.get(0) + "/messages", "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"attachments[]\"; filename=\"" + name + "-secret-file.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + name + " file\r\n--" + boundary + "--\r\n",
                "multipart/form-data; boundary=" + boundary));
        long webhook = ok(http.post(base + "/webhooks", "{\"webhook\":{\"url\":\"" + sim.sinkUrl(name + "-hook")
                + "\",\"subscriptions\":[\"contact_created\"]}}")).at("/payload/webhook/id").asLong();
        // Two bots: one serving the inbox and assigned the second conversation, one spare.
        List<Long> bots = new ArrayList<>();
        for (String bot : List.of(name + "-bot", name + "-bot-spare")) {
            bots.add(ok(http.post(base + "/agent_bots", "{\"name\":\"" + bot + "\",\"description\":\"" + bot + " answers\","
                    + "\"outgoing_url\":\"" + sim.sinkUrl(bot) + "\",\"bot_config\":{\"greeting\":\"" + bot + "\"}}")).get("id").asLong());
        }
        assertThat(http.post(base + "/inboxes/" + inboxId + "/set_agent_bot", "{\"agent_bot\":" + bots.get(0) + "}").status())
                .isEqualTo(200);
        ok(http.post(base + "/conversations/" + conversations.get(1) + "/assignments", "{\"assignee_id\":" + bots.get(0)
                + ",\"assignee_type\":\"AgentBot\"}"));
        // Custom attribute definitions of both models, which the first contact and conversation carry.
        List<Long> definitions = new ArrayList<>();
        for (String model : List.of("contact_attribute", "conversation_attribute")) {
            definitions.add(ok(http.post(base + "/custom_attribute_definitions", "{\"attribute_display_name\":\"" + name
                    + "-definition\",\"attribute_key\":\"" + name + "_plan\",\"attribute_model\":\"" + model + "\","
                    + "\"attribute_display_type\":\"list\",\"attribute_values\":[\"" + name + "-option\"]}")).get("id").asLong());
        }
        ok(http.patch(base + "/contacts/" + contacts.get(0), "{\"custom_attributes\":{\"" + name + "_plan\":\"" + name
                + "-option\"}}"));
        ok(http.post(base + "/conversations/" + conversations.get(0) + "/custom_attributes", "{\"custom_attributes\":{\""
                + name + "_plan\":\"" + name + "-option\"}}"));
        long admin = SimulatorAccess.store(sim).read(state -> state.users.all().stream().filter(u -> u.accountId() == accountId)
                .findFirst().map(User::id).orElseThrow());
        ok(http.post(base + "/conversations/" + conversations.get(0) + "/participants", "{\"user_ids\":[" + admin + "]}"));
        // A team of the administrator, assigned the first conversation; a label and a canned response.
        long team = ok(http.post(base + "/teams", "{\"name\":\"" + name + "-team\",\"description\":\"" + name
                + "-team works\"}")).get("id").asLong();
        ok(http.post(base + "/teams/" + team + "/team_members", "{\"user_ids\":[" + admin + "]}"));
        ok(http.post(base + "/conversations/" + conversations.get(0) + "/assignments", "{\"team_id\":" + team + "}"));
        long label = ok(http.post(base + "/labels", "{\"title\":\"" + name + "-label\",\"description\":\"" + name
                + "-label means\"}")).get("id").asLong();
        long canned = ok(http.post(base + "/canned_responses", "{\"short_code\":\"" + name + "-canned\",\"content\":\""
                + name + "-canned-content\"}")).get("id").asLong();
        String identifier = SimulatorAccess.store(sim).read(state -> state.inboxes.get(inboxId).channel().identifier());
        String botToken = SimulatorAccess.store(sim).read(state -> state.agentBots.get(bots.get(0)).accessToken());
        return new Tenant(name, accountId, tokenOf(accountId), admin, inboxId, identifier, contacts, sources,
                conversations, messages, List.of(webhook), List.copyOf(bots), botToken, notes, List.of(team), List.of(label),
                List.of(canned), List.copyOf(definitions));
    }

    private static String tokenOf(long accountId) {
        return accountId == 1 ? ONE_TOKEN : TWO_TOKEN;
    }

    private PublicContact publicContact(String inboxIdentifier, String name, String content) {
        Http anonymous = new Http(sim.baseUrl(), null);
        String base = "/public/api/v1/inboxes/" + inboxIdentifier + "/contacts";
        String source = ok(anonymous.post(base, "{\"name\":\"" + name + "\"}")).get("source_id").asText();
        String conversation = ok(anonymous.post(base + "/" + source + "/conversations", "{}")).get("id").asText();
        String message = ok(anonymous.post(base + "/" + source + "/conversations/" + conversation + "/messages",
                "{\"content\":\"" + content + "\"}")).get("id").asText();
        return new PublicContact(inboxIdentifier, source, conversation, message);
    }

    /** A body naming the victim's records wherever a route reads an id, plus harmless values for the rest. */
    String crossReferencingBody(Tenant victim) {
        String victimEmail = SimulatorAccess.store(sim).read(state -> state.users.get(victim.adminId()).email());
        return "{\"inbox_id\":" + victim.inboxId() + ",\"contact_id\":" + victim.contactIds().get(0)
                + ",\"user_ids\":[" + victim.adminId() + "],\"inbox_ids\":[" + victim.inboxId() + "]"
                + ",\"emails\":[\"" + victimEmail + "\"]"
                + ",\"source_id\":\"" + victim.sourceIds().get(0) + "\",\"assignee_id\":" + victim.adminId()
                + ",\"conversation_id\":" + victim.conversationIds().get(0) + ",\"agent_bot\":" + victim.botIds().get(0)
                + ",\"base_contact_id\":" + victim.contactIds().get(0) + ",\"mergee_contact_id\":" + victim.contactIds().get(1)
                + ",\"user_ids\":[" + victim.adminId() + "]"
                + ",\"team_id\":" + victim.teamIds().get(0)
                + ",\"title\":\"attack\",\"short_code\":\"attack\""
                + ",\"name\":\"attack\",\"content\":\"attack\",\"description\":\"attack\",\"outgoing_url\":\"http://127.0.0.1:1/attack\""
                + ",\"message_type\":\"outgoing\",\"status\":\"resolved\",\"priority\":\"high\",\"labels\":[\"attack\"]"
                + ",\"attribute_display_name\":\"attack\",\"attribute_key\":\"attack\",\"attribute_model\":\"contact_attribute\""
                + ",\"custom_attributes\":{\"a\":1},\"typing_status\":\"on\",\"channel\":{\"type\":\"api\"}"
                + ",\"webhook\":{\"url\":\"http://127.0.0.1:1/attack\",\"subscriptions\":[\"message_created\"]}"
                + ",\"payload\":[{\"attribute_key\":\"name\",\"filter_operator\":\"contains\",\"values\":[\"Two\"],\"query_operator\":null}]}";
    }

    /** Strings only the victim's own data contains: names, emails, contents, labels, URLs, tokens and secrets. */
    List<String> markers(Tenant victim) {
        List<String> markers = new ArrayList<>(List.of(victim.name() + "-secret-message", victim.name() + "-label",
                victim.name() + "-secret-note", victim.name() + "-secret-file",
                victim.name() + "-hook", "@" + victim.name() + ".test", victim.name() + "-bot", victim.name() + "-team",
                victim.name() + "-canned", victim.name() + "-definition", victim.name() + "_plan", victim.name() + "-option"));
        markers.addAll(victim.accountId() == one.accountId() ? List.of("Ana One", "Bo One", "neighbour-secret-message", "Nia Neighbour")
                : List.of("Zed Two", "Yan Two", "other-inbox-secret-message", "Oz Other"));
        SimulatorAccess.store(sim).read(state -> {
            Inbox inbox = state.inboxes.get(victim.inboxId());
            markers.add(inbox.channel().identifier());
            markers.add(inbox.channel().hmacToken());
            markers.add(inbox.channel().secret());
            state.users.all().stream().filter(u -> u.accountId() == victim.accountId()).forEach(u -> {
                markers.add(u.accessToken());
                markers.add(u.pubsubToken());
            });
            state.webhooks.all().stream().filter(w -> w.accountId() == victim.accountId()).map(Webhook::secret).forEach(markers::add);
            state.agentBots.all().stream().filter(b -> b.accountId() == victim.accountId()).forEach(b -> {
                markers.add(b.accessToken());
                markers.add(b.secret());
            });
            return null;
        });
        return markers;
    }

    /** What the tenant sees through every list and detail endpoint, as of the last build (see {@link #computeView}). */
    String view(Tenant tenant) {
        return tenant.accountId() == one.accountId() ? viewOne : viewTwo;
    }

    /** Checked against the cached view after each accepted attack. */
    String currentView(Tenant tenant) {
        return computeView(tenant);
    }

    private String computeView(Tenant tenant) {
        Http http = new Http(sim.baseUrl(), tenant.token());
        List<String> paths = new ArrayList<>(List.of("/contacts", "/conversations?status=all", "/inboxes", "/webhooks",
                "/agent_bots", "/inboxes/" + tenant.inboxId() + "/agent_bot", "/custom_attribute_definitions", "/agents",
                "/inbox_members/" + tenant.inboxId(), "/assignable_agents?inbox_ids[]=" + tenant.inboxId()
                + "&include_agent_bots=1", "/search", "/conversations/search?q="));
        tenant.botIds().forEach(id -> paths.add("/agent_bots/" + id));
        tenant.definitionIds().forEach(id -> paths.add("/custom_attribute_definitions/" + id));
        paths.addAll(List.of("/teams", "/labels", "/canned_responses"));
        tenant.teamIds().forEach(id -> paths.addAll(List.of("/teams/" + id, "/teams/" + id + "/team_members")));
        tenant.labelIds().forEach(id -> paths.add("/labels/" + id));
        tenant.contactIds().forEach(id -> paths.addAll(List.of("/contacts/" + id, "/contacts/" + id + "/labels",
                "/contacts/" + id + "/conversations", "/contacts/" + id + "/notes", "/contacts/" + id + "/attachments")));
        tenant.conversationIds().forEach(id -> paths.addAll(List.of("/conversations/" + id, "/conversations/" + id + "/messages",
                "/conversations/" + id + "/labels", "/conversations/" + id + "/participants", "/conversations/" + id + "/attachments")));
        return paths.stream().map(path -> path + " " + http.get(tenant.path(path))).collect(Collectors.joining("\n"));
    }
}
