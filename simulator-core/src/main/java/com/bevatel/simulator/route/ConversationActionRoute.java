package com.bevatel.simulator.route;

import com.bevatel.simulator.domain.Attachments;
import com.bevatel.simulator.domain.ConversationActions;
import com.bevatel.simulator.domain.Conversations;
import com.bevatel.simulator.domain.Pages;
import com.bevatel.simulator.http.Access;
import com.bevatel.simulator.http.Caller;
import com.bevatel.simulator.http.Params;
import com.bevatel.simulator.http.Request;
import com.bevatel.simulator.http.Response;
import com.bevatel.simulator.http.Router;
import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Attachment;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Priority;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.view.AttachmentView;
import com.bevatel.simulator.view.ConversationView;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The member actions of app/controllers/api/v1/accounts/conversations_controller.rb:
 * {@code PATCH /conversations/{id}} (priority), {@code toggle_priority},
 * {@code toggle_typing_status}, {@code update_last_seen}, {@code custom_attributes}, {@code DELETE}, {@code mute},
 * {@code unmute}, {@code unread}, {@code transcript}, {@code attachments}.
 */
final class ConversationActionRoute {
    private static final String CONVERSATION = "/conversations/{conversation_id}";
    /** conversations_controller.rb's ATTACHMENT_RESULTS_PER_PAGE. */
    private static final int ATTACHMENTS_PER_PAGE = 100;

    private ConversationActionRoute() {
    }

    public static void register(Router router) {
        router.accountUpdate(CONVERSATION, Access.conversation().openToBots(), (request, caller) -> {
            Params p = request.params();
            boolean given = p.has("priority");
            Priority priority = ConversationActions.parsePriority(p.string("priority"));
            return router.store().write(tx -> {
                Conversation current = find(tx.state(), request, caller);
                Conversation updated = given
                        ? ConversationActions.setPriority(tx, current, priority, caller.actor()) : current;
                return Response.ok(ConversationView.rest(updated, tx.state(), viewer(caller)));
            });
        });
        router.accountPost(CONVERSATION + "/toggle_priority", Access.conversation().openToBots(), (request, caller) -> {
            Priority priority = ConversationActions.parsePriority(request.params().string("priority"));
            return router.store().write(tx -> {
                ConversationActions.setPriority(tx, find(tx.state(), request, caller), priority, caller.actor());
                return Response.okEmpty();
            });
        });
        router.accountPost(CONVERSATION + "/toggle_typing_status", Access.conversation().openToBots(), (request, caller) -> {
            Params p = request.params();
            String typingStatus = p.string("typing_status");
            boolean isPrivate = Boolean.TRUE.equals(p.bool("is_private"));
            return router.store().write(tx -> {
                ConversationActions.typing(tx, find(tx.state(), request, caller), typingStatus, isPrivate,
                        caller.actor());
                return Response.okEmpty();
            });
        });
        router.accountPost(CONVERSATION + "/update_last_seen", Access.conversation(), (request, caller) -> router.store().write(tx -> {
            Conversation updated = ConversationActions.updateLastSeen(tx, find(tx.state(), request, caller),
                    caller.user().id());
            return Response.ok(ConversationView.rest(updated, tx.state(), viewer(caller)));
        }));
        router.accountPost(CONVERSATION + "/custom_attributes", Access.conversation().openToBots(), (request, caller) -> {
            Params p = request.params();
            ObjectNode attributes = p.object("custom_attributes");
            boolean merge = Boolean.TRUE.equals(p.bool("merge"));
            return router.store().write(tx -> {
                Conversation updated = ConversationActions.setCustomAttributes(tx, find(tx.state(), request, caller),
                        attributes, merge, caller.actor());
                ObjectNode body = Json.object();
                body.set("custom_attributes", updated.customAttributes().toObjectNode());
                return Response.ok(body);
            });
        });
        router.accountPost(CONVERSATION + "/mute", Access.conversation(), (request, caller) -> router.store().write(tx -> {
            ConversationActions.mute(tx, find(tx.state(), request, caller), caller.actor());
            return Response.okEmpty();
        }));
        router.accountPost(CONVERSATION + "/unmute", Access.conversation(), (request, caller) -> router.store().write(tx -> {
            ConversationActions.unmute(tx, find(tx.state(), request, caller), caller.actor());
            return Response.okEmpty();
        }));
        router.accountPost(CONVERSATION + "/unread", Access.conversation(), (request, caller) -> router.store().write(tx -> {
            Conversation updated = ConversationActions.markUnread(tx, find(tx.state(), request, caller));
            return Response.ok(ConversationView.rest(updated, tx.state(), viewer(caller)));
        }));
        router.accountPost(CONVERSATION + "/transcript", Access.conversation(), (request, caller) -> router.store().write(tx -> {
            Conversation conversation = find(tx.state(), request, caller);
            ConversationActions.requestTranscript(tx, conversation, request.params().string("email"));
            return Response.okEmpty();
        }));
        router.accountGet(CONVERSATION + "/attachments", Access.conversation(), (request, caller) -> {
            Long page = request.params().integer("page");
            return router.store().read(state -> {
                List<Attachment> all = Attachments.ofConversation(state, find(state, request, caller));
                ObjectNode body = Json.object();
                body.putObject("meta").put("total_count", all.size());
                ArrayNode payload = body.putArray("payload");
                Pages.of(all, page, ATTACHMENTS_PER_PAGE).forEach(a -> payload.add(AttachmentView.rest(a, state)));
                return Response.ok(body);
            });
        });
        router.accountDelete(CONVERSATION, Access.conversation().administratorsOnly(), (request, caller) -> router.store().write(tx -> {
            Conversation conversation = find(tx.state(), request, caller);
            Conversations.delete(tx, conversation);
            return Response.okEmpty();
        }));
    }

    private static Conversation find(State state, Request request, Caller caller) {
        return Conversations.find(state, caller.accountId(), request.idParam("conversation_id"));
    }

    /** The member a response is rendered for ({@code meta.team.is_member}); none for a bot. */
    static Long viewer(Caller caller) {
        return caller.user() == null ? null : caller.user().id();
    }
}
