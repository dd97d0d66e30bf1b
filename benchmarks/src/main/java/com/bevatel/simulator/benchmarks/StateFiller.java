package com.bevatel.simulator.benchmarks;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.SimulatorAccess;
import com.bevatel.simulator.domain.Change;
import com.bevatel.simulator.domain.ContactFields;
import com.bevatel.simulator.domain.Contacts;
import com.bevatel.simulator.domain.Conversations;
import com.bevatel.simulator.domain.Messages;
import com.bevatel.simulator.domain.NewMessage;
import com.bevatel.simulator.event.Actor;
import com.bevatel.simulator.model.ContactInbox;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.SenderType;
import com.bevatel.simulator.state.Store;

/**
 * Fills a simulator with large amounts of state in-process, through the same domain operations the
 * routes call (HTTP would take minutes for 10⁵ conversations on two cores). Batches many rows per
 * transaction: the figures measured afterwards do not depend on how the rows got there. The only
 * place the benchmarks touch the core's internals, so a change there breaks one class.
 */
public final class StateFiller {
    private static final int BATCH = 1_000;
    private static final Actor ADMIN = new Actor(SenderType.USER, 1L);
    private static final Conversations.NewConversation OPEN = new Conversations.NewConversation(null, null, null, null, null);

    private StateFiller() {
    }

    /** {@code count} contacts on the API inbox, each with one open conversation holding one incoming message. */
    public static void conversations(BevatelSimulator sim, int count) {
        Store store = SimulatorAccess.store(sim);
        for (int done = 0; done < count; ) {
            int batch = Math.min(BATCH, count - done);
            int first = done;
            store.write(tx -> {
                for (int i = 0; i < batch; i++) {
                    int n = first + i;
                    ContactFields fields = new ContactFields(Change.of("Contact " + n),
                            null, null, null, null, null, null);
                    ContactInbox ci = Contacts.create(tx, sim.accountId(), fields, 1L, null).contactInbox();
                    Conversation conversation = Conversations.open(tx, ci, OPEN, ADMIN).conversation();
                    Messages.create(tx, conversation, NewMessage.text(content(n), "incoming"), ADMIN);
                }
                return null;
            });
            done += batch;
        }
    }

    /** {@code count} outgoing messages with distinct 100-character contents on conversation {@code displayId}. */
    public static void messages(BevatelSimulator sim, long displayId, int count) {
        Store store = SimulatorAccess.store(sim);
        long accountId = sim.accountId();
        for (int done = 0; done < count; ) {
            int batch = Math.min(BATCH, count - done);
            int first = done;
            store.write(tx -> {
                for (int i = 0; i < batch; i++) {
                    // Re-read: each create updates the conversation (last activity, first reply).
                    Conversation conversation = Conversations.find(tx.state(), accountId, displayId);
                    Messages.create(tx, conversation, NewMessage.text(content(first + i), "outgoing"), ADMIN);
                }
                return null;
            });
            done += batch;
        }
    }

    /** A distinct 100-character string per n (a parsed request body never shares its content string either). */
    static String content(int n) {
        String prefix = String.format("%010d ", n);
        return prefix + Workload.CONTENT.substring(prefix.length());
    }
}
