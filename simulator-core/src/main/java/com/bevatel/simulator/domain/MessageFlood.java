package com.bevatel.simulator.domain;

import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.state.State;
import java.time.Instant;
import java.util.List;

/**
 * Chatwoot's per-conversation flood limit (app/models/message.rb#prevent_message_flooding: 200 per rolling minute), opt-in here
 * through the builder, since a test that posts fast should not trip it by accident.
 */
final class MessageFlood {
    private MessageFlood() {
    }

    static void check(State state, Conversation conversation, Instant now) {
        int limit = state.settings().messagesPerMinute();
        if (limit <= 0) {
            return;
        }
        Instant since = now.minusSeconds(60);
        List<Long> ids = state.messagesOfConversation.of(conversation.id());
        int recent = 0;
        for (int i = ids.size() - 1; i >= 0 && recent < limit; i--) {
            Message m = state.messages.get(ids.get(i));
            if (m.createdAt().isBefore(since)) {
                break;
            }
            recent++;
        }
        if (recent >= limit) {
            throw Errors.error(422, "Validation failed: Too many messages");
        }
    }
}
