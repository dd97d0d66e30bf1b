package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What views and message hooks ask about a conversation's messages, kept up to date from the
 * messages table so that nobody walks thousands of messages to answer: the incoming messages' ids,
 * how many outgoing and template messages there are, and whether {@code created_at} never goes back
 * in id order (it can, when the simulated clock is set back; readers then fall back to a walk).
 * Derived from the rows, so it follows every change and its undo without an undo log of its own.
 */
@API(status = INTERNAL)
public final class ConversationMessages {
    private static final long[] NONE = new long[0];

    /** One conversation's figures. */
    private static final class Summary {
        long[] incoming = NONE;
        int incomingCount;
        int outgoingOrTemplate;
        int messages;
        long latestId;
        Instant latestCreatedAt;
        boolean chronological = true;
    }

    private final Map<Long, Summary> summaries = new HashMap<>();

    ConversationMessages() {
    }

    /** How many incoming messages the conversation has. */
    public int incomingCount(long conversationId) {
        Summary s = summaries.get(conversationId);
        return s == null ? 0 : s.incomingCount;
    }

    /** The id of its {@code n}-th newest incoming message (0 = the newest); only for {@code n < incomingCount}. */
    public long incomingFromNewest(long conversationId, int n) {
        Summary s = summaries.get(conversationId);
        if (s == null || n < 0 || n >= s.incomingCount) {
            throw new IndexOutOfBoundsException("incoming message " + n + " of conversation " + conversationId);
        }
        return s.incoming[s.incomingCount - 1 - n];
    }

    /** Does it have an outgoing or a template message? */
    public boolean hasOutgoingOrTemplate(long conversationId) {
        Summary s = summaries.get(conversationId);
        return s != null && s.outgoingOrTemplate > 0;
    }

    /**
     * True when, as far as is known, its messages' {@code created_at} never decreases in id order,
     * so "the messages after time T" are a suffix. False may be conservative (after a rollback).
     */
    public boolean chronological(long conversationId) {
        Summary s = summaries.get(conversationId);
        return s == null || s.chronological;
    }

    /**
     * Adds to {@code problems} each figure that differs from one built afresh from {@code rows} (in id
     * order); {@code chronological} may be false where the rows say true (see {@link #chronological}).
     */
    void verify(String name, Iterable<Message> rows, List<String> problems) {
        ConversationMessages fresh = new ConversationMessages();
        rows.forEach(m -> fresh.changed(null, m));
        Set<Long> conversations = new HashSet<>(summaries.keySet());
        conversations.addAll(fresh.summaries.keySet());
        for (long conversation : conversations) {
            Summary kept = summaries.getOrDefault(conversation, new Summary());
            Summary derived = fresh.summaries.getOrDefault(conversation, new Summary());
            long[] keptIncoming = Arrays.copyOf(kept.incoming, kept.incomingCount);
            long[] derivedIncoming = Arrays.copyOf(derived.incoming, derived.incomingCount);
            if (kept.messages != derived.messages || kept.outgoingOrTemplate != derived.outgoingOrTemplate
                    || !Arrays.equals(keptIncoming, derivedIncoming) || (kept.chronological && !derived.chronological)) {
                problems.add(name + ": conversation " + conversation + " counts " + kept.messages + " messages, "
                        + kept.outgoingOrTemplate + " outgoing or template, incoming " + Arrays.toString(keptIncoming)
                        + ", chronological " + kept.chronological + "; the rows derive " + derived.messages + ", "
                        + derived.outgoingOrTemplate + ", " + Arrays.toString(derivedIncoming) + ", " + derived.chronological);
            }
        }
    }

    void changed(Message before, Message after) {
        if (before != null && after != null && before.conversationId() == after.conversationId()
                && before.messageType() == after.messageType() && before.createdAt().equals(after.createdAt())) {
            return; // a status, content or attribute change: nothing counted here moves
        }
        if (before != null) {
            remove(before);
        }
        if (after != null) {
            add(after);
        }
    }

    private void add(Message m) {
        Summary s = summaries.computeIfAbsent(m.conversationId(), id -> new Summary());
        if (m.id() > s.latestId) {
            if (s.latestCreatedAt != null && m.createdAt().isBefore(s.latestCreatedAt)) {
                s.chronological = false;
            }
            s.latestId = m.id();
            s.latestCreatedAt = m.createdAt();
        } else {
            s.chronological = false; // an older id put back (an undone removal): no longer sure
        }
        s.messages++;
        if (m.messageType() == MessageType.INCOMING) {
            int at = -Arrays.binarySearch(s.incoming, 0, s.incomingCount, m.id()) - 1;
            if (s.incomingCount == s.incoming.length) {
                s.incoming = Arrays.copyOf(s.incoming, Math.max(4, s.incomingCount * 2));
            }
            System.arraycopy(s.incoming, at, s.incoming, at + 1, s.incomingCount - at);
            s.incoming[at] = m.id();
            s.incomingCount++;
        } else if (m.messageType() == MessageType.OUTGOING || m.messageType() == MessageType.TEMPLATE) {
            s.outgoingOrTemplate++;
        }
    }

    private void remove(Message m) {
        Summary s = summaries.get(m.conversationId());
        if (s == null) {
            return;
        }
        if (--s.messages == 0) {
            summaries.remove(m.conversationId());
            return;
        }
        if (m.messageType() == MessageType.INCOMING) {
            int at = Arrays.binarySearch(s.incoming, 0, s.incomingCount, m.id());
            if (at >= 0) {
                System.arraycopy(s.incoming, at + 1, s.incoming, at, s.incomingCount - at - 1);
                s.incomingCount--;
            }
        } else if (m.messageType() == MessageType.OUTGOING || m.messageType() == MessageType.TEMPLATE) {
            s.outgoingOrTemplate--;
        }
    }
}
