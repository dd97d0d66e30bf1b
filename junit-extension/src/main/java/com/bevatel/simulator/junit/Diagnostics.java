package com.bevatel.simulator.junit;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.fault.Fault;
import com.bevatel.simulator.fault.FaultRule;
import com.bevatel.simulator.fault.InjectedFault;
import com.bevatel.simulator.model.AgentBot;
import com.bevatel.simulator.model.Contact;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.webhook.Sink;
import java.util.List;
import java.util.StringJoiner;

/**
 * A compact picture of a simulator for a failed test's report: its conversations and messages, the
 * faults and sink answers in force (what a test broke on purpose, so a 429 never seems to come from
 * nowhere), and the webhook deliveries.
 */
final class Diagnostics {
    private static final int MAX_CONVERSATIONS = 20;
    private static final int MAX_MESSAGES = 10;
    private static final int MAX_TEXT = 80;
    private static final int MAX_INJECTED = 10;

    private Diagnostics() {
    }

    static String describe(BevatelSimulator sim) {
        return SimulatorAccess.store(sim).read(state -> {
            StringJoiner out = new StringJoiner(System.lineSeparator());
            out.add("simulator " + sim.baseUrl() + ", clock " + state.clock().now() + ", "
                    + state.contacts.size() + " contacts, " + state.conversations.size() + " conversations, "
                    + state.messages.size() + " messages");
            state.conversations.all().stream().limit(MAX_CONVERSATIONS).forEach(c -> out.add(conversation(state, c, "  ")));
            return out.toString();
        }) + System.lineSeparator() + faults(sim) + sinks(sim) + WebhookJournalAssert.recorded(sim.webhooks());
    }

    private static String faults(BevatelSimulator sim) {
        StringJoiner out = new StringJoiner(System.lineSeparator(), "", System.lineSeparator());
        List<FaultRule> rules = sim.faults().rules();
        out.add(rules.isEmpty() ? "No fault rules." : "Fault rules (" + sim.faults().activeRules().size() + " active):");
        rules.forEach(rule -> out.add("  " + rule(rule)));
        List<InjectedFault> log = sim.faults().log();
        if (!log.isEmpty()) {
            out.add("Faults injected into " + log.size() + " requests" + (log.size() > MAX_INJECTED ? ", the last "
                    + MAX_INJECTED : "") + ":");
            log.stream().skip(Math.max(0, log.size() - MAX_INJECTED)).forEach(entry -> out.add("  " + injected(entry)));
        }
        return out.toString();
    }

    static String rule(FaultRule rule) {
        Fault fault = rule.fault();
        String what = switch (fault.kind()) {
            case RESPOND -> "answer " + fault.status();
            case DELAY -> "delay";
            case DROP -> "drop the connection";
        };
        if (!fault.delay().isZero()) {
            what += (fault.kind() == Fault.Kind.DELAY ? " " : " after ") + fault.delay().toMillis() + " ms";
        }
        Long remaining = rule.remaining();
        return "#" + rule.id() + " " + what + " to " + fault.method() + " " + fault.path()
                + (fault.probability() < 1 ? " (probability " + fault.probability() + ")" : "")
                + ": applied " + rule.applied() + (remaining == null ? "" : ", " + remaining + " left");
    }

    private static String injected(InjectedFault entry) {
        String what = switch (entry.kind()) {
            case RESPOND -> String.valueOf(entry.status());
            case DELAY -> "delayed " + entry.delayMillis() + " ms";
            case DROP -> "dropped";
        };
        return entry.method() + " " + entry.path() + " -> " + what + " (rule #" + entry.ruleId() + ")";
    }

    private static String sinks(BevatelSimulator sim) {
        List<Sink> sinks = sim.sinks();
        if (sinks.isEmpty()) {
            return "";
        }
        StringJoiner out = new StringJoiner(System.lineSeparator(), "Built-in sinks:" + System.lineSeparator(),
                System.lineSeparator());
        sinks.forEach(sink -> out.add("  " + sink.name() + ": answers " + sink.status()
                + (sink.delay().isZero() ? "" : " after " + sink.delay().toMillis() + " ms")
                + (sink.overridden() ? " (set by the test)" : "") + ", " + sink.received() + " received"));
        return out.toString();
    }

    /** One conversation and its last messages, each line indented by {@code indent}. */
    static String conversation(State state, Conversation c, String indent) {
        StringJoiner out = new StringJoiner(System.lineSeparator());
        Contact contact = state.contacts.get(c.contactId());
        out.add(indent + "conversation " + c.displayId() + " [" + WireEnum.name(c.status()) + "] inbox " + c.inboxId()
                + ", contact " + contact.id() + " \"" + contact.name() + "\"" + assignee(state, c));
        var ids = state.messagesOfConversation.of(c.id());
        ids.stream().skip(Math.max(0, ids.size() - MAX_MESSAGES))
                .forEach(id -> out.add(indent + "  " + line(state, state.messages.get(id))));
        return out.toString();
    }

    /** Who is assigned, as Chatwoot's {@code assigned_entity}: the agent bot, else the member; null: nobody. */
    static String assigneeName(State state, Conversation c) {
        if (c.assigneeBotId() != null) {
            return state.agentBots.find(c.assigneeBotId()).map(AgentBot::name).orElse(null);
        }
        return c.assigneeId() == null ? null : state.users.find(c.assigneeId()).map(User::name).orElse(null);
    }

    private static String assignee(State state, Conversation c) {
        if (c.assigneeBotId() != null) {
            return ", assigned to agent bot " + c.assigneeBotId() + " \"" + assigneeName(state, c) + "\"";
        }
        return c.assigneeId() == null ? ", unassigned" : ", assigned to agent " + c.assigneeId() + " \"" + assigneeName(state, c) + "\"";
    }

    /** The name of who sent a message (contact, member or agent bot); null for activity lines. */
    static String senderName(State state, Message m) {
        if (m.senderType() == null || m.senderId() == null) {
            return null;
        }
        return switch (m.senderType()) {
            case CONTACT -> state.contacts.find(m.senderId()).map(Contact::name).orElse(null);
            case USER -> state.users.find(m.senderId()).map(User::name).orElse(null);
            case AGENT_BOT -> state.agentBots.find(m.senderId()).map(AgentBot::name).orElse(null);
        };
    }

    private static String line(State state, Message m) {
        String text = m.content() == null ? "" : m.content().replace('\n', ' ');
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "…";
        }
        return "#" + m.id() + " " + WireEnum.name(m.messageType()) + (m.isPrivate() ? " (private)" : "")
                + " [" + WireEnum.name(m.status()) + "] " + text + from(state, m);
    }

    private static String from(State state, Message m) {
        String name = senderName(state, m);
        if (name == null) {
            return "";
        }
        String kind = switch (m.senderType()) {
            case CONTACT -> "contact";
            case USER -> "agent";
            case AGENT_BOT -> "agent bot";
        };
        return " (from " + kind + " " + name + ")";
    }
}
