package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.MessageType;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.ConversationIndex;
import com.bevatel.simulator.state.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/** {@code GET /conversations} and {@code /conversations/meta}: Chatwoot's ConversationFinder (app/finders/conversation_finder.rb). */
@API(status = INTERNAL)
public final class ConversationFinder {
    public static final int PAGE_SIZE = 25;

    private ConversationFinder() {
    }

    /** The list query; null fields are "not given". */
    public record Query(String status, String assigneeType, Long inboxId, Long teamId, List<String> labels, String q,
                        String sourceId, String sortBy, Long page, Long updatedWithin) {
    }

    public record Counts(long mine, long assigned, long unassigned, long all) {
    }

    public record Result(Counts counts, List<Conversation> page) {
    }

    public static Result find(State state, long accountId, long callerId, Query query, Instant now) {
        if (query.teamId() != null) {
            Teams.find(state, accountId, query.teamId());
        }
        User caller = state.users.get(callerId);
        if (Permissions.administrator(caller) && byDefaultOrder(query)) {
            return fromIndex(state, accountId, callerId, query);
        }
        // An agent lists only the conversations of their inboxes (Chatwoot's PermissionFilterService).
        Predicate<Conversation> base = Permissions.listable(state, caller).and(baseFilter(state, query, now));
        List<Conversation> matching = new ArrayList<>();
        for (long id : state.conversationsOfAccount.of(accountId)) {
            Conversation c = state.conversations.get(id);
            if (base.test(c)) {
                matching.add(c);
            }
        }
        long mine = matching.stream().filter(c -> c.assigneeId() != null && c.assigneeId() == callerId).count();
        long unassigned = matching.stream().filter(c -> c.assigneeId() == null && c.assigneeBotId() == null).count();
        Counts counts = new Counts(mine, matching.size() - unassigned, unassigned, matching.size());
        Predicate<Conversation> byAssignee = byAssignee(query, callerId);
        List<Conversation> selected = new ArrayList<>(matching.stream().filter(byAssignee).toList());
        selected.sort(order(state, query.sortBy()));
        if (query.updatedWithin() != null) {
            return new Result(counts, selected);
        }
        int from = firstOfPage(query, selected.size());
        int to = Math.min(selected.size(), from + PAGE_SIZE);
        return new Result(counts, List.copyOf(selected.subList(from, to)));
    }

    /**
     * The list as administrators usually ask for it — a status (or all), an assignee type, a page, the
     * default order — is read from {@link State#conversationIndex}: counts and one page, at the same
     * cost however many conversations there are. Anything else scans.
     */
    private static boolean byDefaultOrder(Query query) {
        String sortBy = query.sortBy();
        return query.q() == null && query.inboxId() == null && query.teamId() == null
                && (query.labels() == null || query.labels().isEmpty()) && query.sourceId() == null
                && query.updatedWithin() == null
                && (sortBy == null || sortBy.equals("last_activity_at_desc") || sortBy.equals("latest"));
    }

    private static Result fromIndex(State state, long accountId, long callerId, Query query) {
        ConversationStatus status = status(query);
        ConversationIndex index = state.conversationIndex;
        long all = index.count(accountId, status);
        long unassigned = index.unassignedCount(accountId, status);
        long mine = index.assignedToCount(accountId, status, callerId);
        Counts counts = new Counts(mine, all - unassigned, unassigned, all);
        Predicate<Conversation> byAssignee = byAssignee(query, callerId);
        long selected = switch (query.assigneeType() == null ? "all" : query.assigneeType()) {
            case "me" -> mine;
            case "unassigned" -> unassigned;
            case "assigned" -> all - unassigned;
            default -> all;
        };
        int from = firstOfPage(query, selected);
        int wanted = (int) Math.min(PAGE_SIZE, selected - from);
        List<Conversation> page = new ArrayList<>(Math.max(0, wanted));
        int skipped = 0;
        for (Conversation c : index.latestFirst(accountId, status)) {
            if (page.size() >= wanted) {
                break;
            }
            if (byAssignee.test(c) && skipped++ >= from) {
                page.add(c);
            }
        }
        return new Result(counts, List.copyOf(page));
    }

    /** The status filter: open by default, null for {@code all}. */
    private static ConversationStatus status(Query query) {
        String status = query.status() == null ? "open" : query.status();
        if ("all".equals(status)) {
            return null;
        }
        return WireEnum.parse(ConversationStatus.class, status)
                .orElseThrow(() -> Errors.error(422, "'" + status + "' is not a valid status"));
    }

    private static Predicate<Conversation> byAssignee(Query query, long callerId) {
        String assigneeType = query.assigneeType() == null ? "all" : query.assigneeType();
        return switch (assigneeType) {
            case "me" -> c -> c.assigneeId() != null && c.assigneeId() == callerId;
            case "unassigned" -> ConversationIndex::unassigned;
            case "assigned" -> c -> c.assigneeId() != null || c.assigneeBotId() != null;
            case "all" -> c -> true;
            default -> throw Errors.error(422, "'" + assigneeType + "' is not a valid assignee_type");
        };
    }

    /** Where the requested page starts among {@code selected} matches (pages from 1; clamped). */
    private static int firstOfPage(Query query, long selected) {
        long page = query.page() == null || query.page() < 1 ? 1 : Math.min(query.page(), Integer.MAX_VALUE);
        return (int) Math.min(selected, (page - 1) * PAGE_SIZE);
    }

    /** Status (skipped whenever {@code q} is given, even empty), inbox, labels (any of), q, source id, window. */
    private static Predicate<Conversation> baseFilter(State state, Query query, Instant now) {
        Predicate<Conversation> filter = c -> true;
        if (query.q() == null) {
            ConversationStatus wanted = status(query);
            if (wanted != null) {
                filter = filter.and(c -> c.status() == wanted);
            }
        } else {
            String needle = query.q().toLowerCase(Locale.ROOT);
            filter = filter.and(c -> mentions(state, c, needle));
        }
        if (query.inboxId() != null) {
            filter = filter.and(c -> c.inboxId() == query.inboxId());
        }
        if (query.teamId() != null) {
            filter = filter.and(c -> query.teamId().equals(c.teamId()));
        }
        if (query.labels() != null && !query.labels().isEmpty()) {
            filter = filter.and(c -> c.labels().stream().anyMatch(query.labels()::contains));
        }
        if (query.sourceId() != null) {
            filter = filter.and(c -> query.sourceId().equals(state.contactInboxes.get(c.contactInboxId()).sourceId()));
        }
        if (query.updatedWithin() != null) {
            // Clamped so that any window, however large, is a valid instant.
            Instant since = now.minusSeconds(Math.max(0, Math.min(query.updatedWithin(), 100L * 365 * 86_400 * 1000)));
            filter = filter.and(c -> c.updatedAt().isAfter(since));
        }
        return filter;
    }

    private static boolean mentions(State state, Conversation c, String needle) {
        for (long id : state.messagesOfConversation.of(c.id())) {
            Message m = state.messages.get(id);
            if ((m.messageType() == MessageType.INCOMING || m.messageType() == MessageType.OUTGOING)
                    && m.content() != null && m.content().toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** Chatwoot's SORT_OPTIONS (with the legacy names it still accepts); ties in id order. */
    private static Comparator<Conversation> order(State state, String sortBy) {
        Comparator<Conversation> byId = Comparator.comparingLong(Conversation::id);
        Comparator<Conversation> lastActivityDesc = Comparator.comparing(Conversation::lastActivityAt).reversed();
        Comparator<Conversation> createdAsc = Comparator.comparing(Conversation::createdAt);
        String key = sortBy == null ? "last_activity_at_desc" : sortBy;
        Comparator<Conversation> order = switch (key) {
            case "last_activity_at_asc" -> Comparator.comparing(Conversation::lastActivityAt);
            case "last_activity_at_desc", "latest" -> lastActivityDesc;
            case "created_at_asc", "sort_on_created_at" -> createdAsc;
            case "created_at_desc" -> createdAsc.reversed();
            case "priority_asc" -> priority(false).thenComparing(lastActivityDesc);
            case "priority_desc", "sort_on_priority" -> priority(true).thenComparing(lastActivityDesc);
            case "priority_desc_created_at_asc" -> priority(true).thenComparing(createdAsc);
            case "waiting_since_asc", "sort_on_waiting_since" -> waitingSince(false).thenComparing(createdAsc);
            case "waiting_since_desc" -> waitingSince(true).thenComparing(createdAsc);
            case "unread" -> Comparator.comparingLong((Conversation c) -> unread(state, c)).reversed()
                    .thenComparing(lastActivityDesc);
            default -> throw Errors.error(422, "'" + key + "' is not a valid sort_by");
        };
        return order.thenComparing(byId);
    }

    /** {@code priority ASC|DESC NULLS LAST}. */
    private static Comparator<Conversation> priority(boolean descending) {
        Comparator<Integer> direction = descending ? Comparator.<Integer>reverseOrder() : Comparator.<Integer>naturalOrder();
        return Comparator.comparing((Conversation c) -> c.priority() == null ? null : c.priority().ordinal(),
                Comparator.nullsLast(direction));
    }

    /** {@code (waiting_since IS NULL), waiting_since ASC|DESC}: conversations not waiting come last. */
    private static Comparator<Conversation> waitingSince(boolean descending) {
        Comparator<Instant> direction = descending ? Comparator.<Instant>reverseOrder() : Comparator.<Instant>naturalOrder();
        return Comparator.comparing(Conversation::waitingSince, Comparator.nullsLast(direction));
    }

    /** Incoming messages after {@code agent_last_seen_at}, uncapped (the sort's subquery). */
    private static long unread(State state, Conversation c) {
        return state.messagesOfConversation.of(c.id()).stream().map(state.messages::get)
                .filter(m -> m.messageType() == MessageType.INCOMING
                        && (c.agentLastSeenAt() == null || m.createdAt().isAfter(c.agentLastSeenAt())))
                .count();
    }
}
