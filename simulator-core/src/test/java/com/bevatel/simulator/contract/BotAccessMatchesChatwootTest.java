package com.bevatel.simulator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.http.Router;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The account routes open to agent bots are exactly those Chatwoot 4.16.2 opens to them, among the
 * routes the simulator serves. Chatwoot's facts are copied here as data, so the test runs without
 * Chatwoot's source: its list of controller#action pairs, and the controller#action each served
 * route reaches in its router.
 */
class BotAccessMatchesChatwootTest {
    private static final String ACCOUNTS = "api/v1/accounts/";

    /**
     * {@code AccessTokenAuthHelper::BOT_ACCESSIBLE_ENDPOINTS}, controller => actions, in Chatwoot's
     * app/controllers/concerns/access_token_auth_helper.rb at 59442e57 (4.16.2).
     */
    private static final Set<String> CHATWOOT_BOT_ACCESSIBLE = Set.of(
            ACCOUNTS + "conversations#show", ACCOUNTS + "conversations#toggle_status",
            ACCOUNTS + "conversations#toggle_typing_status", ACCOUNTS + "conversations#toggle_priority",
            ACCOUNTS + "conversations#create", ACCOUNTS + "conversations#update",
            ACCOUNTS + "conversations#custom_attributes",
            ACCOUNTS + "conversations/messages#create",
            ACCOUNTS + "conversations/assignments#create",
            ACCOUNTS + "conversations/labels#index", ACCOUNTS + "conversations/labels#create");

    /**
     * The controller#action (under api/v1/accounts/) each account route reaches, by Chatwoot's
     * config/routes.rb at 59442e57: {@code resources} map GET/POST on the collection to index/create
     * and GET/PUT/PATCH/DELETE on a member to show/update/update/destroy; {@code member} and
     * {@code collection} routes to the action of their name; {@code scope module:} nests the controller; a singular
     * {@code resource} (participants) maps GET/POST/PUT/PATCH/DELETE to show/create/update/update/destroy.
     */
    private static final Map<String, String> CHATWOOT_ACTION = Map.ofEntries(
            Map.entry("GET /inboxes", "inboxes#index"),
            Map.entry("POST /inboxes", "inboxes#create"),
            Map.entry("GET /inboxes/{id}", "inboxes#show"),
            Map.entry("PUT /inboxes/{id}", "inboxes#update"),
            Map.entry("PATCH /inboxes/{id}", "inboxes#update"),
            Map.entry("DELETE /inboxes/{id}", "inboxes#destroy"),
            Map.entry("POST /inboxes/{id}/reset_secret", "inboxes#reset_secret"),
            Map.entry("GET /inboxes/{id}/agent_bot", "inboxes#agent_bot"),
            Map.entry("POST /inboxes/{id}/set_agent_bot", "inboxes#set_agent_bot"),
            Map.entry("GET /agent_bots", "agent_bots#index"),
            Map.entry("POST /agent_bots", "agent_bots#create"),
            Map.entry("GET /agent_bots/{id}", "agent_bots#show"),
            Map.entry("PUT /agent_bots/{id}", "agent_bots#update"),
            Map.entry("PATCH /agent_bots/{id}", "agent_bots#update"),
            Map.entry("DELETE /agent_bots/{id}", "agent_bots#destroy"),
            Map.entry("DELETE /agent_bots/{id}/avatar", "agent_bots#avatar"),
            Map.entry("POST /agent_bots/{id}/reset_access_token", "agent_bots#reset_access_token"),
            Map.entry("POST /agent_bots/{id}/reset_secret", "agent_bots#reset_secret"),
            Map.entry("GET /custom_attribute_definitions", "custom_attribute_definitions#index"),
            Map.entry("POST /custom_attribute_definitions", "custom_attribute_definitions#create"),
            Map.entry("GET /custom_attribute_definitions/{id}", "custom_attribute_definitions#show"),
            Map.entry("PUT /custom_attribute_definitions/{id}", "custom_attribute_definitions#update"),
            Map.entry("PATCH /custom_attribute_definitions/{id}", "custom_attribute_definitions#update"),
            Map.entry("DELETE /custom_attribute_definitions/{id}", "custom_attribute_definitions#destroy"),
            Map.entry("GET /teams", "teams#index"),
            Map.entry("POST /teams", "teams#create"),
            Map.entry("GET /teams/{id}", "teams#show"),
            Map.entry("PUT /teams/{id}", "teams#update"),
            Map.entry("PATCH /teams/{id}", "teams#update"),
            Map.entry("DELETE /teams/{id}", "teams#destroy"),
            Map.entry("GET /teams/{team_id}/team_members", "team_members#index"),
            Map.entry("POST /teams/{team_id}/team_members", "team_members#create"),
            Map.entry("PATCH /teams/{team_id}/team_members", "team_members#update"),
            Map.entry("DELETE /teams/{team_id}/team_members", "team_members#destroy"),
            Map.entry("GET /labels", "labels#index"),
            Map.entry("POST /labels", "labels#create"),
            Map.entry("GET /labels/{id}", "labels#show"),
            Map.entry("PUT /labels/{id}", "labels#update"),
            Map.entry("PATCH /labels/{id}", "labels#update"),
            Map.entry("DELETE /labels/{id}", "labels#destroy"),
            Map.entry("GET /canned_responses", "canned_responses#index"),
            Map.entry("POST /canned_responses", "canned_responses#create"),
            Map.entry("PUT /canned_responses/{id}", "canned_responses#update"),
            Map.entry("PATCH /canned_responses/{id}", "canned_responses#update"),
            Map.entry("DELETE /canned_responses/{id}", "canned_responses#destroy"),
            Map.entry("GET /agents", "agents#index"),
            Map.entry("POST /agents", "agents#create"),
            Map.entry("PUT /agents/{id}", "agents#update"),
            Map.entry("PATCH /agents/{id}", "agents#update"),
            Map.entry("DELETE /agents/{id}", "agents#destroy"),
            Map.entry("POST /agents/bulk_create", "agents#bulk_create"),
            Map.entry("GET /inboxes/{id}/assignable_agents", "inboxes#assignable_agents"),
            Map.entry("GET /assignable_agents", "assignable_agents#index"),
            Map.entry("GET /inbox_members/{inbox_id}", "inbox_members#show"),
            Map.entry("POST /inbox_members", "inbox_members#create"),
            Map.entry("PATCH /inbox_members", "inbox_members#update"),
            Map.entry("DELETE /inbox_members", "inbox_members#destroy"),
            Map.entry("GET /contacts", "contacts#index"),
            Map.entry("POST /contacts", "contacts#create"),
            Map.entry("GET /contacts/search", "contacts#search"),
            Map.entry("POST /contacts/filter", "contacts#filter"),
            Map.entry("GET /contacts/{id}", "contacts#show"),
            Map.entry("PUT /contacts/{id}", "contacts#update"),
            Map.entry("PATCH /contacts/{id}", "contacts#update"),
            Map.entry("DELETE /contacts/{id}", "contacts#destroy"),
            Map.entry("GET /contacts/{id}/contactable_inboxes", "contacts#contactable_inboxes"),
            Map.entry("GET /contacts/{id}/conversations", "contacts/conversations#index"),
            Map.entry("POST /contacts/{id}/contact_inboxes", "contacts/contact_inboxes#create"),
            Map.entry("GET /contacts/{id}/labels", "contacts/labels#index"),
            Map.entry("POST /contacts/{id}/labels", "contacts/labels#create"),
            Map.entry("POST /contacts/{id}/destroy_custom_attributes", "contacts#destroy_custom_attributes"),
            Map.entry("GET /contacts/active", "contacts#active"),
            Map.entry("DELETE /contacts/{id}/avatar", "contacts#avatar"),
            Map.entry("GET /contacts/{id}/attachments", "contacts/attachments#index"),
            Map.entry("GET /contacts/{id}/notes", "contacts/notes#index"),
            Map.entry("POST /contacts/{id}/notes", "contacts/notes#create"),
            Map.entry("GET /contacts/{id}/notes/{note_id}", "contacts/notes#show"),
            Map.entry("PUT /contacts/{id}/notes/{note_id}", "contacts/notes#update"),
            Map.entry("PATCH /contacts/{id}/notes/{note_id}", "contacts/notes#update"),
            Map.entry("DELETE /contacts/{id}/notes/{note_id}", "contacts/notes#destroy"),
            Map.entry("POST /contact_inboxes/filter", "contact_inboxes#filter"),
            Map.entry("POST /actions/contact_merge", "actions/contact_merges#create"),
            Map.entry("GET /conversations", "conversations#index"),
            Map.entry("POST /conversations", "conversations#create"),
            Map.entry("GET /conversations/meta", "conversations#meta"),
            Map.entry("GET /conversations/search", "conversations#search"),
            Map.entry("POST /conversations/filter", "conversations#filter"),
            Map.entry("GET /conversations/{conversation_id}", "conversations#show"),
            Map.entry("PUT /conversations/{conversation_id}", "conversations#update"),
            Map.entry("PATCH /conversations/{conversation_id}", "conversations#update"),
            Map.entry("DELETE /conversations/{conversation_id}", "conversations#destroy"),
            Map.entry("POST /conversations/{conversation_id}/toggle_status", "conversations#toggle_status"),
            Map.entry("POST /conversations/{conversation_id}/toggle_priority", "conversations#toggle_priority"),
            Map.entry("POST /conversations/{conversation_id}/toggle_typing_status", "conversations#toggle_typing_status"),
            Map.entry("POST /conversations/{conversation_id}/update_last_seen", "conversations#update_last_seen"),
            Map.entry("POST /conversations/{conversation_id}/custom_attributes", "conversations#custom_attributes"),
            Map.entry("POST /conversations/{conversation_id}/destroy_custom_attributes",
                    "conversations#destroy_custom_attributes"),
            Map.entry("POST /conversations/{conversation_id}/mute", "conversations#mute"),
            Map.entry("POST /conversations/{conversation_id}/unmute", "conversations#unmute"),
            Map.entry("POST /conversations/{conversation_id}/unread", "conversations#unread"),
            Map.entry("POST /conversations/{conversation_id}/transcript", "conversations#transcript"),
            Map.entry("GET /conversations/{conversation_id}/attachments", "conversations#attachments"),
            Map.entry("GET /conversations/{conversation_id}/participants", "conversations/participants#show"),
            Map.entry("POST /conversations/{conversation_id}/participants", "conversations/participants#create"),
            Map.entry("PUT /conversations/{conversation_id}/participants", "conversations/participants#update"),
            Map.entry("PATCH /conversations/{conversation_id}/participants", "conversations/participants#update"),
            Map.entry("DELETE /conversations/{conversation_id}/participants", "conversations/participants#destroy"),
            Map.entry("GET /conversations/{conversation_id}/messages", "conversations/messages#index"),
            Map.entry("POST /conversations/{conversation_id}/messages", "conversations/messages#create"),
            Map.entry("PUT /conversations/{conversation_id}/messages/{id}", "conversations/messages#update"),
            Map.entry("PATCH /conversations/{conversation_id}/messages/{id}", "conversations/messages#update"),
            Map.entry("DELETE /conversations/{conversation_id}/messages/{id}", "conversations/messages#destroy"),
            Map.entry("POST /conversations/{conversation_id}/messages/{id}/retry", "conversations/messages#retry"),
            Map.entry("POST /conversations/{conversation_id}/assignments", "conversations/assignments#create"),
            Map.entry("GET /conversations/{conversation_id}/labels", "conversations/labels#index"),
            Map.entry("POST /conversations/{conversation_id}/labels", "conversations/labels#create"),
            Map.entry("GET /search", "search#index"),
            Map.entry("GET /search/conversations", "search#conversations"),
            Map.entry("GET /search/contacts", "search#contacts"),
            Map.entry("GET /search/messages", "search#messages"),
            Map.entry("GET /search/articles", "search#articles"),
            Map.entry("GET /webhooks", "webhooks#index"),
            Map.entry("POST /webhooks", "webhooks#create"),
            Map.entry("PUT /webhooks/{id}", "webhooks#update"),
            Map.entry("PATCH /webhooks/{id}", "webhooks#update"),
            Map.entry("DELETE /webhooks/{id}", "webhooks#destroy"));

    private static final List<Router.Route> ACCOUNT_ROUTES = CoreRoutes.all().stream()
            .filter(r -> r.template().startsWith(Router.ACCOUNT + "/")).toList();

    /** "METHOD /sub/path" under the account. */
    private static String key(Router.Route route) {
        return route.method() + " " + route.template().substring(Router.ACCOUNT.length());
    }

    @Test
    void everyAccountRouteIsMappedToTheChatwootActionItReaches() {
        Set<String> served = ACCOUNT_ROUTES.stream().map(BotAccessMatchesChatwootTest::key).collect(Collectors.toSet());
        assertThat(new TreeSet<>(served)).as("account routes to map to Chatwoot's controller#action (config/routes.rb)")
                .isSubsetOf(CHATWOOT_ACTION.keySet());
        assertThat(new TreeSet<>(CHATWOOT_ACTION.keySet())).as("mapped routes the simulator no longer serves")
                .isSubsetOf(served);
    }

    @Test
    void theRoutesOpenToBotsAreChatwootsBotAccessibleEndpoints() {
        Set<String> openToBots = ACCOUNT_ROUTES.stream().filter(Router.Route::openToBots)
                .map(BotAccessMatchesChatwootTest::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> chatwootOpens = ACCOUNT_ROUTES.stream().map(BotAccessMatchesChatwootTest::key)
                .filter(route -> CHATWOOT_BOT_ACCESSIBLE.contains(ACCOUNTS + CHATWOOT_ACTION.get(route)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(openToBots).as("account routes declared Access…openToBots()").isEqualTo(chatwootOpens);

        Set<String> servedActions = ACCOUNT_ROUTES.stream().map(r -> ACCOUNTS + CHATWOOT_ACTION.get(key(r)))
                .collect(Collectors.toSet());
        Set<String> notServed = CHATWOOT_BOT_ACCESSIBLE.stream().filter(a -> !servedActions.contains(a))
                .collect(Collectors.toCollection(TreeSet::new));
        System.out.println("Chatwoot endpoints open to bots that the simulator does not serve: "
                + (notServed.isEmpty() ? "none" : notServed));
    }
}
