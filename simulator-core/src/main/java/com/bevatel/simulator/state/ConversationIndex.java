package com.bevatel.simulator.state;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Each account's conversations in the conversation list's default order, per status and in all,
 * with the counts the list shows (all, unassigned, per assignee) — so the default list reads one
 * page and four numbers instead of scanning and sorting every conversation. Derived from the rows,
 * so it follows every change and its undo without an undo log of its own.
 */
@API(status = INTERNAL)
public final class ConversationIndex {
    /** {@code last_activity_at DESC}, then id: the list's default order (a missing time sorts last). */
    public static final Comparator<Conversation> LATEST_ACTIVITY_FIRST =
            Comparator.comparing(Conversation::lastActivityAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                    .thenComparingLong(Conversation::id);

    /** The conversations of one account in one status (or in any), with their counts. */
    private static final class Bucket {
        final TreeSet<Conversation> ordered = new TreeSet<>(LATEST_ACTIVITY_FIRST);
        final NavigableSet<Conversation> view = Collections.unmodifiableNavigableSet(ordered);
        final Map<Long, Integer> byAssignee = new HashMap<>();
        int unassigned;

        void add(Conversation c) {
            ordered.add(c);
            if (c.assigneeId() != null) {
                byAssignee.merge(c.assigneeId(), 1, Integer::sum);
            }
            if (unassigned(c)) {
                unassigned++;
            }
        }

        void remove(Conversation c) {
            if (!ordered.remove(c)) {
                return;
            }
            if (c.assigneeId() != null) {
                byAssignee.computeIfPresent(c.assigneeId(), (user, n) -> n == 1 ? null : n - 1);
            }
            if (unassigned(c)) {
                unassigned--;
            }
        }
    }

    private static final class AccountBuckets {
        final Bucket any = new Bucket();
        final Map<ConversationStatus, Bucket> byStatus = new EnumMap<>(ConversationStatus.class);
    }

    private static final Bucket EMPTY = new Bucket();

    private final Map<Long, AccountBuckets> accounts = new HashMap<>();

    ConversationIndex() {
    }

    /** Neither an agent nor a bot is assigned (the list's {@code unassigned}). */
    public static boolean unassigned(Conversation c) {
        return c.assigneeId() == null && c.assigneeBotId() == null;
    }

    /** The account's conversations in {@code status} (null: any), latest activity first (read-only, live: use under the lock). */
    public NavigableSet<Conversation> latestFirst(long accountId, ConversationStatus status) {
        return bucket(accountId, status).view;
    }

    public int count(long accountId, ConversationStatus status) {
        return bucket(accountId, status).ordered.size();
    }

    public int unassignedCount(long accountId, ConversationStatus status) {
        return bucket(accountId, status).unassigned;
    }

    /** Conversations assigned to the user {@code userId} (whether or not a bot is assigned too). */
    public int assignedToCount(long accountId, ConversationStatus status, long userId) {
        return bucket(accountId, status).byAssignee.getOrDefault(userId, 0);
    }

    private Bucket bucket(long accountId, ConversationStatus status) {
        AccountBuckets buckets = accounts.get(accountId);
        if (buckets == null) {
            return EMPTY;
        }
        Bucket bucket = status == null ? buckets.any : buckets.byStatus.get(status);
        return bucket == null ? EMPTY : bucket;
    }

    /** Adds to {@code problems} each list or count that differs from one built afresh from {@code rows}. */
    void verify(String name, Iterable<Conversation> rows, List<String> problems) {
        ConversationIndex fresh = new ConversationIndex();
        rows.forEach(c -> fresh.changed(null, c));
        Set<Long> accountIds = new HashSet<>(accounts.keySet());
        accountIds.addAll(fresh.accounts.keySet());
        for (long account : accountIds) {
            compare(name + ": account " + account + ", any status", bucket(account, null), fresh.bucket(account, null), problems);
            for (ConversationStatus status : ConversationStatus.values()) {
                compare(name + ": account " + account + ", " + status, bucket(account, status),
                        fresh.bucket(account, status), problems);
            }
        }
    }

    private static void compare(String where, Bucket kept, Bucket derived, List<String> problems) {
        if (!List.copyOf(kept.ordered).equals(List.copyOf(derived.ordered))) {
            problems.add(where + ": lists " + ids(kept) + " but the rows derive " + ids(derived));
        }
        if (kept.unassigned != derived.unassigned || !kept.byAssignee.equals(derived.byAssignee)) {
            problems.add(where + ": counts " + kept.unassigned + " unassigned and " + kept.byAssignee
                    + " by assignee but the rows derive " + derived.unassigned + " and " + derived.byAssignee);
        }
    }

    private static List<Long> ids(Bucket bucket) {
        return bucket.ordered.stream().map(Conversation::id).toList();
    }

    void changed(Conversation before, Conversation after) {
        if (before != null) {
            AccountBuckets buckets = accounts.get(before.accountId());
            if (buckets != null) {
                buckets.any.remove(before);
                Bucket bucket = buckets.byStatus.get(before.status());
                if (bucket != null) {
                    bucket.remove(before);
                }
            }
        }
        if (after != null) {
            AccountBuckets buckets = accounts.computeIfAbsent(after.accountId(), id -> new AccountBuckets());
            buckets.any.add(after);
            buckets.byStatus.computeIfAbsent(after.status(), s -> new Bucket()).add(after);
        }
    }
}
