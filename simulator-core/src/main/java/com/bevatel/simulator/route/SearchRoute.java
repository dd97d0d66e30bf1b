package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.ConversationFinder;
import com.bevatel.simulator.domain.Search;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Caller;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.MessageView;
import com.bevatel.simulator.view.SearchView;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Search: {@code GET /conversations/search} (conversations_controller.rb#search, the list's ConversationFinder)
 * and {@code GET /search}, {@code /search/conversations}, {@code /search/contacts}, {@code /search/messages},
 * {@code /search/articles} (app/controllers/api/v1/accounts/search_controller.rb, app/views/api/v1/accounts/search/).
 * No help center is simulated, so there are never articles.
 */
final class SearchRoute {
    private SearchRoute() {
    }

    public static void register(Router router) {
        router.accountGet("/conversations/search", Access.account(), (request, caller) -> {
            Params p = request.params();
            ConversationFinder.Query query = ConversationRoute.query(p);
            return router.store().read(state -> {
                ConversationFinder.Result result = ConversationFinder.find(state, caller.accountId(),
                        caller.user().id(), query, state.clock().now());
                ObjectNode body = Json.object();
                ObjectNode meta = body.putObject("meta");
                meta.put("mine_count", result.counts().mine());
                meta.put("unassigned_count", result.counts().unassigned());
                meta.put("all_count", result.counts().all());
                ArrayNode payload = body.putArray("payload");
                result.page().forEach(c -> payload.add(SearchView.conversationModel(c, state, messages(state, c, query.q()))));
                return Response.ok(body);
            });
        });
        router.accountGet("/search", Access.account(), (request, caller) -> search(router, request.params(), caller,
                true, true, true));
        router.accountGet("/search/conversations", Access.account(), (request, caller) -> search(router, request.params(),
                caller, true, false, false));
        router.accountGet("/search/contacts", Access.account(), (request, caller) -> search(router, request.params(),
                caller, false, true, false));
        router.accountGet("/search/messages", Access.account(), (request, caller) -> search(router, request.params(),
                caller, false, false, true));
        router.accountGet("/search/articles", Access.account(), (request, caller) -> {
            ObjectNode body = Json.object();
            body.putObject("payload").putArray("articles");
            return Response.ok(body);
        });
    }

    /**
     * One search; {@code /search} (all three) answers conversations, contacts, messages, then (none)
     * articles, and its conversations lack the {@code additional_attributes} of {@code /search/conversations}.
     */
    private static Response search(Router router, Params p, Caller caller, boolean conversations, boolean contacts,
                                   boolean messages) {
        Search.Query query = new Search.Query(p.string("q"), p.integer("page"));
        boolean all = conversations && contacts && messages;
        return router.store().read(state -> {
            ObjectNode body = Json.object();
            ObjectNode payload = body.putObject("payload");
            if (conversations) {
                ArrayNode list = payload.putArray("conversations");
                Search.conversations(state, caller.user(), query).forEach(c -> list.add(SearchView.conversation(c, state, !all)));
            }
            if (contacts) {
                ArrayNode list = payload.putArray("contacts");
                Search.contacts(state, caller.user(), query).forEach(c -> list.add(SearchView.contact(c)));
            }
            if (messages) {
                ArrayNode list = payload.putArray("messages");
                Search.messages(state, caller.user(), query, state.clock().now())
                        .forEach(m -> list.add(MessageView.rest(m, state, null)));
            }
            if (all) {
                payload.putArray("articles");
            }
            return Response.ok(body);
        });
    }

    /**
     * The conversation's {@code messages}: with a {@code q} (even empty), only its incoming and outgoing
     * messages containing it, as the finder's eager-loading join leaves them; without, all of them.
     */
    private static List<Message> messages(State state, Conversation c, String q) {
        List<Message> out = new ArrayList<>();
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        for (long id : state.messagesOfConversation.of(c.id())) {
            Message m = state.messages.get(id);
            if (needle == null || ((m.messageType() == MessageType.INCOMING || m.messageType() == MessageType.OUTGOING)
                    && m.content() != null && m.content().toLowerCase(Locale.ROOT).contains(needle))) {
                out.add(m);
            }
        }
        return out;
    }
}
