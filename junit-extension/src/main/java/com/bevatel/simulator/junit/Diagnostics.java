package com.bevatel.simulator.junit;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.WireEnum;
import java.util.StringJoiner;

/** A compact picture of a simulator for a failed test's report: its conversations and messages. */
final class Diagnostics {
    private static final int MAX_CONVERSATIONS = 20;
    private static final int MAX_MESSAGES = 10;
    private static final int MAX_TEXT = 80;

    private Diagnostics() {
    }

    static String describe(BevatelSimulator sim) {
        return sim.store().read(state -> {
            StringJoiner out = new StringJoiner(System.lineSeparator());
            out.add("simulator " + sim.baseUrl() + ", clock " + state.clock().now() + ", "
                    + state.contacts.size() + " contacts, " + state.conversations.size() + " conversations, "
                    + state.messages.size() + " messages");
            state.conversations.all().stream().limit(MAX_CONVERSATIONS).forEach(c -> {
                Contact contact = state.contacts.get(c.contactId());
                out.add("  conversation " + c.displayId() + " [" + WireEnum.name(c.status()) + "] inbox " + c.inboxId()
                        + ", contact " + contact.id() + " \"" + contact.name() + "\"" + assignee(c));
                var ids = state.messagesOfConversation.of(c.id());
                ids.stream().skip(Math.max(0, ids.size() - MAX_MESSAGES)).forEach(id -> out.add("    " + line(state.messages.get(id))));
            });
            return out.toString();
        }) + System.lineSeparator() + WebhookJournalAssert.recorded(sim.webhooks());
    }

    private static String assignee(Conversation c) {
        return c.assigneeId() == null ? "" : ", assignee " + c.assigneeId();
    }

    private static String line(Message m) {
        String text = m.content() == null ? "" : m.content().replace('\n', ' ');
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "…";
        }
        return "#" + m.id() + " " + WireEnum.name(m.messageType()) + (m.isPrivate() ? " (private)" : "")
                + " [" + WireEnum.name(m.status()) + "] " + text;
    }
}
