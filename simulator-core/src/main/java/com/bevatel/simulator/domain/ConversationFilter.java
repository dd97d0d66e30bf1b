package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.AttributeModel;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.ConversationStatus;
import com.bevatel.simulator.model.Priority;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * {@code POST /conversations/filter} (Chatwoot's app/services/conversations/filter_service.rb): equality
 * takes every value ({@code IN (…)}), statuses and priorities by name; results are the conversations
 * the caller may list, newest activity first, with the mine/unassigned/all counts.
 */
@API(status = INTERNAL)
public final class ConversationFilter {
    public static final int PAGE_SIZE = 25;
    private static final List<String> EQUALITY = List.of("equal_to", "not_equal_to");
    private static final List<String> WITH_PRESENCE = List.of("equal_to", "not_equal_to", "is_present", "is_not_present");
    private static final List<String> TEXT_OPS = List.of("equal_to", "not_equal_to", "contains", "does_not_contain");
    private static final List<String> DATE_OPS = List.of("is_greater_than", "is_less_than", "days_before");
    private static final Map<String, Filters.Key> KEYS = new LinkedHashMap<>();

    static {
        key("status", "text", EQUALITY);
        key("assignee_id", "text", WITH_PRESENCE);
        key("inbox_id", "text", WITH_PRESENCE);
        key("team_id", "number", WITH_PRESENCE);
        key("contact_id", "number", EQUALITY);
        key("priority", "text", EQUALITY);
        key("display_id", "number", TEXT_OPS);
        key("campaign_id", "number", WITH_PRESENCE);
        key("labels", "labels", WITH_PRESENCE);
        key("browser_language", "additional", EQUALITY);
        key("conversation_language", "additional", EQUALITY);
        key("referer", "additional", TEXT_OPS);
        key("created_at", "date", DATE_OPS);
        key("last_activity_at", "date", DATE_OPS);
        key("mail_subject", "additional", TEXT_OPS);
    }

    private ConversationFilter() {
    }

    private static void key(String name, String type, List<String> operators) {
        KEYS.put(name, new Filters.Key(name, type, operators));
    }

    public record Result(long mineCount, long unassignedCount, long allCount, List<Conversation> page) {
    }

    public static Result find(State state, User caller, List<Filters.Condition> conditions, Long page, Instant now) {
        long accountId = caller.accountId();
        Filters.Custom<Conversation> custom = new Filters.Custom<>(key -> CustomAttributeDefinitions.byKey(state,
                accountId, AttributeModel.CONVERSATION_ATTRIBUTE, key), Conversation::customAttributes,
                c -> "Conversation " + c.displayId(), true, now);
        Predicate<Conversation> filter = Filters.compile(conditions, KEYS, custom, (c, afterCustom) -> compile(c, afterCustom, now));
        Predicate<Conversation> listable = Permissions.listable(state, caller);
        List<Conversation> matching = new ArrayList<>();
        for (long id : state.conversationsOfAccount.of(accountId)) {
            Conversation c = state.conversations.get(id);
            if (listable.test(c) && filter.test(c)) {
                matching.add(c);
            }
        }
        long mine = matching.stream().filter(c -> Objects.equals(c.assigneeId(), caller.id())).count();
        long unassigned = matching.stream().filter(c -> c.assigneeId() == null && c.assigneeBotId() == null).count();
        matching.sort(Comparator.comparing(Conversation::lastActivityAt).thenComparing(Conversation::id).reversed());
        long number = page == null || page < 1 ? 1 : page;
        int from = (int) Math.min(matching.size(), (number - 1) * PAGE_SIZE);
        int to = Math.min(matching.size(), from + PAGE_SIZE);
        return new Result(mine, unassigned, matching.size(), List.copyOf(matching.subList(from, to)));
    }

    private static Predicate<Conversation> compile(Filters.Condition c, boolean afterCustom, Instant now) {
        Filters.Key key = KEYS.get(c.attributeKey());
        String op = c.operator();
        return switch (key.type()) {
            case "date" -> {
                LocalDate date = Filters.comparisonDate(c, now);
                Function<Conversation, Instant> column = "created_at".equals(key.name())
                        ? Conversation::createdAt : Conversation::lastActivityAt;
                yield conversation -> Filters.compareDate(column.apply(conversation), op, date);
            }
            case "labels" -> labels(c, afterCustom);
            case "additional" -> text(c, afterCustom, conversation -> {
                JsonNode value = conversation.additionalAttributes().get(key.name());
                return value == null || value.isNull() ? null : Filters.text(value);
            });
            default -> column(c, afterCustom);
        };
    }

    /** Integer and enum columns: {@code IN (values)}, presence, and display_id as text for contains. */
    private static Predicate<Conversation> column(Filters.Condition c, boolean afterCustom) {
        String name = c.attributeKey();
        Function<Conversation, String> column = switch (name) {
            case "status" -> conversation -> String.valueOf(WireEnum.code(conversation.status()));
            case "priority" -> conversation -> conversation.priority() == null ? null
                    : String.valueOf(WireEnum.code(conversation.priority()));
            case "assignee_id" -> conversation -> text(conversation.assigneeId());
            case "inbox_id" -> conversation -> String.valueOf(conversation.inboxId());
            case "team_id" -> conversation -> text(conversation.teamId());
            case "contact_id" -> conversation -> String.valueOf(conversation.contactId());
            case "display_id" -> conversation -> String.valueOf(conversation.displayId());
            default -> conversation -> null; // campaign_id: no campaigns in the simulator
        };
        String op = c.operator();
        if ("is_present".equals(op) || "is_not_present".equals(op)) {
            boolean present = "is_present".equals(op);
            if ("assignee_id".equals(name)) {
                return conversation -> present == (conversation.assigneeId() != null || conversation.assigneeBotId() != null);
            }
            return conversation -> present == (column.apply(conversation) != null);
        }
        if ("contains".equals(op) || "does_not_contain".equals(op)) {
            List<String> all = Filters.all(c.values());
            return "contains".equals(op) ? conversation -> Filters.containsAny(column.apply(conversation), all)
                    : conversation -> Filters.containsNone(column.apply(conversation), all);
        }
        List<String> wanted = values(c, afterCustom);
        boolean equal = "equal_to".equals(op);
        return conversation -> {
            String value = column.apply(conversation);
            return value != null && wanted.contains(value) == equal;
        };
    }

    /** The values as the column stores them: status/priority names to their codes, ids checked numeric. */
    private static List<String> values(Filters.Condition c, boolean afterCustom) {
        List<String> given = "status".equals(c.attributeKey()) || "priority".equals(c.attributeKey())
                ? Filters.all(c.values()) : equalityValues(c, afterCustom);
        List<String> out = new ArrayList<>();
        for (String value : given) {
            switch (c.attributeKey()) {
                case "status" -> {
                    if ("all".equals(value)) {
                        for (ConversationStatus s : ConversationStatus.values()) {
                            out.add(String.valueOf(WireEnum.code(s)));
                        }
                    } else {
                        WireEnum.parse(ConversationStatus.class, value).ifPresent(s -> out.add(String.valueOf(WireEnum.code(s))));
                    }
                }
                case "priority" -> WireEnum.parse(Priority.class, value).ifPresent(p -> out.add(String.valueOf(WireEnum.code(p))));
                default -> {
                    // Chatwoot hands these to Postgres as integers: anything else is a database error (500) there.
                    if (!value.strip().matches("-?\\d+")) {
                        throw Filters.invalidValue(c.attributeKey());
                    }
                    out.add(String.valueOf(Long.parseLong(value.strip())));
                }
            }
        }
        return out;
    }

    /** Additional attributes: {@code ->> key IN (values)} (case-sensitive), contains case-insensitive. */
    private static Predicate<Conversation> text(Filters.Condition c, boolean afterCustom,
                                                Function<Conversation, String> column) {
        List<String> all = Filters.all(c.values());
        List<String> equal = equalityValues(c, afterCustom);
        return switch (c.operator()) {
            case "equal_to" -> conversation -> column.apply(conversation) != null && equal.contains(column.apply(conversation));
            case "not_equal_to" -> conversation -> column.apply(conversation) != null && !equal.contains(column.apply(conversation));
            case "contains" -> conversation -> Filters.containsAny(column.apply(conversation), all);
            default -> conversation -> Filters.containsNone(column.apply(conversation), all);
        };
    }

    /** Tag names {@code IN (values)} as given. */
    private static Predicate<Conversation> labels(Filters.Condition c, boolean afterCustom) {
        List<String> wanted = equalityValues(c, afterCustom);
        return switch (c.operator()) {
            case "equal_to" -> conversation -> conversation.labels().stream().anyMatch(wanted::contains);
            case "not_equal_to" -> conversation -> conversation.labels().stream().noneMatch(wanted::contains);
            case "is_present" -> conversation -> !conversation.labels().isEmpty();
            default -> conversation -> conversation.labels().isEmpty();
        };
    }

    /**
     * The values of an equality row as filter_values gives them ({@code case_insensitive_values}): as sent,
     * except after a custom attribute's row, whose {@code @custom_attribute_type} stays set: then a first
     * value that is a string is the only one, lower-cased.
     */
    private static List<String> equalityValues(Filters.Condition c, boolean afterCustom) {
        JsonNode first = Filters.first(c.values());
        if (afterCustom && first != null && first.isTextual()) {
            return List.of(first.asText().toLowerCase(Locale.ROOT));
        }
        return Filters.all(c.values());
    }

    private static String text(Long id) {
        return id == null ? null : String.valueOf(id);
    }
}
