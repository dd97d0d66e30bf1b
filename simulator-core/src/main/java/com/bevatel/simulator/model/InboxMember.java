package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Comparator;
import org.apiguardian.api.API;

/**
 * A user who is a member of an inbox (Chatwoot's {@code inbox_members}): agents see and are assigned
 * the conversations of their inboxes. The pair is the row: no API names a membership by id.
 */
@API(status = INTERNAL)
public record InboxMember(long inboxId, long userId) {
    /** By inbox, then user: the order the state document lists an inbox's members in. */
    public static final Comparator<InboxMember> ORDER =
            Comparator.comparingLong(InboxMember::inboxId).thenComparingLong(InboxMember::userId);
}
