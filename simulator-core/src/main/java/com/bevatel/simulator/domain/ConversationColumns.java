package com.bevatel.simulator.domain;

import com.bevatel.simulator.event.AttributeChange;
import com.bevatel.simulator.model.Conversation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The conversations table's columns in schema order, so {@code changed_attributes} lists changes
 * the way Rails' {@code previous_changes} does.
 */
final class ConversationColumns {
    private record Column(String name, Function<Conversation, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("status", Conversation::status),
            new Column("assignee_id", Conversation::assigneeId),
            new Column("updated_at", Conversation::updatedAt),
            new Column("contact_last_seen_at", Conversation::contactLastSeenAt),
            new Column("agent_last_seen_at", Conversation::agentLastSeenAt),
            new Column("additional_attributes", Conversation::additionalAttributes),
            new Column("last_activity_at", Conversation::lastActivityAt),
            new Column("team_id", Conversation::teamId),
            new Column("snoozed_until", Conversation::snoozedUntil),
            new Column("custom_attributes", Conversation::customAttributes),
            new Column("assignee_last_seen_at", Conversation::assigneeLastSeenAt),
            new Column("first_reply_created_at", Conversation::firstReplyCreatedAt),
            new Column("priority", Conversation::priority),
            new Column("waiting_since", Conversation::waitingSince),
            new Column("label_list", Conversation::labels),
            new Column("assignee_agent_bot_id", Conversation::assigneeBotId),
            new Column("status_changed_at", Conversation::statusChangedAt));

    private ConversationColumns() {
    }

    static List<AttributeChange> changes(Conversation before, Conversation after) {
        List<AttributeChange> changes = new ArrayList<>();
        for (Column column : COLUMNS) {
            Object was = column.value().apply(before);
            Object is = column.value().apply(after);
            if (!Objects.equals(was, is)) {
                changes.add(new AttributeChange(column.name(), was, is));
            }
        }
        return changes;
    }
}
