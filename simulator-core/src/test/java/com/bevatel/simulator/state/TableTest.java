package com.bevatel.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.model.Account;
import com.bevatel.simulator.model.ContentType;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageStatus;
import com.bevatel.simulator.model.MessageType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The array-backed table keeps the map's contract: id order, far ids in the overflow (and moved
 * into the array when it grows over them), every change undone, observers told of undos too.
 */
class TableTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final UndoLog undo = new UndoLog();
    private final Table<Account> table = new Table<>(Account::id, undo);

    private static Account account(long id) {
        return new Account(id, "account " + id, T0);
    }

    private List<Long> ids() {
        return table.all().stream().map(Account::id).toList();
    }

    @Test
    void rowsInIdOrderWhereverTheyAre() {
        for (long id : new long[] {5_000_000_000L, 3, 1, 40_000, -2, 2}) {
            table.put(account(id));
        }
        assertThat(ids()).containsExactly(-2L, 1L, 2L, 3L, 40_000L, 5_000_000_000L);
        assertThat(table.size()).isEqualTo(6);
        assertThat(table.find(40_000).map(Account::name)).contains("account 40000");
        assertThat(table.find(4)).isEmpty();
        // Growing the array past 40 000 takes that row out of the overflow; order and lookups stay.
        for (long id = 4; id < 30_000; id++) {
            table.put(account(id));
        }
        assertThat(table.get(40_000).id()).isEqualTo(40_000);
        assertThat(ids()).startsWith(-2L, 1L, 2L, 3L, 4L).endsWith(29_999L, 40_000L, 5_000_000_000L);
        assertThat(table.size()).isEqualTo(6 + 29_996);
    }

    @Test
    void aRolledBackTransactionLeavesNoTraceAndObserversFollowIt() {
        List<String> seen = new ArrayList<>();
        table.observe((before, after) -> seen.add((before == null ? "-" : before.name()) + " > "
                + (after == null ? "-" : after.name())));
        table.put(account(1));
        table.put(account(2));
        undo.begin();
        table.put(new Account(1, "renamed", T0));
        table.remove(2);
        table.put(account(3));
        table.put(account(90_000));
        undo.rollback();
        assertThat(ids()).containsExactly(1L, 2L);
        assertThat(table.get(1).name()).isEqualTo("account 1");
        assertThat(table.size()).isEqualTo(2);
        assertThat(seen).containsExactly("- > account 1", "- > account 2", "account 1 > renamed",
                "account 2 > -", "- > account 3", "- > account 90000",
                "account 90000 > -", "account 3 > -", "- > account 2", "renamed > account 1");
    }

    @Test
    void messageTalliesFollowTypesAndNoticeTimeGoingBack() {
        Table<Message> messages = new Table<>(Message::id, undo);
        ConversationMessages tallies = new ConversationMessages();
        messages.observe(tallies::changed);
        messages.put(message(1, MessageType.INCOMING, 10));
        messages.put(message(2, MessageType.OUTGOING, 11));
        messages.put(message(3, MessageType.INCOMING, 12));
        messages.put(message(4, MessageType.ACTIVITY, 12));
        assertThat(tallies.incomingCount(7)).isEqualTo(2);
        assertThat(tallies.incomingFromNewest(7, 0)).isEqualTo(3);
        assertThat(tallies.incomingFromNewest(7, 1)).isEqualTo(1);
        assertThat(tallies.hasOutgoingOrTemplate(7)).isTrue();
        assertThat(tallies.chronological(7)).isTrue();
        messages.put(message(5, MessageType.INCOMING, 5));
        assertThat(tallies.chronological(7)).isFalse();
        messages.remove(3);
        messages.remove(2);
        assertThat(tallies.incomingCount(7)).isEqualTo(2);
        assertThat(tallies.incomingFromNewest(7, 0)).isEqualTo(5);
        assertThat(tallies.hasOutgoingOrTemplate(7)).isFalse();
        assertThat(tallies.incomingCount(8)).isZero();
    }

    private static Message message(long id, MessageType type, long second) {
        Instant at = T0.plusSeconds(second);
        return new Message(id, 1, 1, 7, "m" + id, type, ContentType.TEXT, MessageStatus.SENT, null, false, null,
                null, null, null, at, at);
    }
}
