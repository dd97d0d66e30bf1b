package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Inbox;
import com.bevatel.simulator.model.InboxMember;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code DELETE /inboxes/{id}} (app/controllers/api/v1/accounts/inboxes_controller.rb#destroy).
 * Chatwoot deletes in a background job; the simulator
 * deletes at once: the inbox, its contact-inboxes, their conversations, messages and attachments,
 * and its members. Contacts stay. No webhook is sent (there is no inbox_deleted event).
 */
@API(status = INTERNAL)
public final class InboxDeletion {
    private InboxDeletion() {
    }

    public static void delete(Transaction tx, Inbox inbox) {
        State state = tx.state();
        for (ContactInbox ci : List.copyOf(state.contactInboxes.all())) {
            if (ci.inboxId() != inbox.id()) {
                continue;
            }
            for (long conversationId : List.copyOf(state.conversationsOfContactInbox.of(ci.id()))) {
                Conversations.delete(tx, state.conversations.get(conversationId));
            }
            state.contactInboxes.remove(ci.id());
        }
        for (long member : List.copyOf(state.membersOfInbox.of(inbox.id()))) {
            state.inboxMembers.remove(new InboxMember(inbox.id(), member));
        }
        state.agentBotInboxes.find(inbox.id()).ifPresent(row -> state.agentBotInboxes.remove(inbox.id()));
        state.inboxes.remove(inbox.id());
    }
}
