package com.bevatel.simulator.http;

import java.util.Locale;

/**
 * Who may call an Application API route, declared where the route is registered
 * ({@link Router#accountGet} and its siblings take one): the record an agent must be allowed to see,
 * whether agent bots may call it, whether only administrators may. Immutable; the router checks a
 * declaration against its route's template once, at registration, and applies it per request
 * without looking at the path again.
 *
 * <p>Mirrors Chatwoot's controllers: {@code authorize @record, :show?} in a {@code before_action}
 * (the scope), {@code AccessTokenAuthHelper::BOT_ACCESSIBLE_ENDPOINTS} (bots), and the Pundit
 * policies that allow an action to administrators only.
 */
public final class Access {

    /** The record an agent must be allowed to see before the route answers them. */
    public enum Scope {
        /** Any member of the account; a route that lists records filters them itself. */
        ACCOUNT(null, null),
        /** ConversationPolicy#show?: conversations in the agent's inboxes or assigned to one of their teams. */
        CONVERSATION("/conversations/{conversation_id}", "conversation_id"),
        /** InboxPolicy#show?: inboxes the agent is a member of. */
        INBOX("/inboxes/{id}", "id");

        private final String stem;
        private final String idParameter;

        Scope(String stem, String idParameter) {
            this.stem = stem;
            this.idParameter = idParameter;
        }

        /** The start every route of this scope has under the account, naming the record: null for {@link #ACCOUNT}. */
        public String stem() {
            return stem;
        }

        /** The path parameter that holds the record's id (a conversation's display id). */
        String idParameter() {
            return idParameter;
        }

        boolean names(String subPath) {
            return stem != null && (subPath.equals(stem) || subPath.startsWith(stem + "/"));
        }
    }

    private final Scope scope;
    private final boolean openToBots;
    private final boolean administratorsOnly;

    private Access(Scope scope, boolean openToBots, boolean administratorsOnly) {
        this.scope = scope;
        this.openToBots = openToBots;
        this.administratorsOnly = administratorsOnly;
    }

    /** Any member of the account: agents and administrators. */
    public static Access account() {
        return new Access(Scope.ACCOUNT, false, false);
    }

    /** Members who may see the conversation named by {@code {conversation_id}}. */
    public static Access conversation() {
        return new Access(Scope.CONVERSATION, false, false);
    }

    /** Members who may see the inbox named by {@code /inboxes/{id}}. */
    public static Access inbox() {
        return new Access(Scope.INBOX, false, false);
    }

    /** Agent bots' tokens are accepted too (Chatwoot's BOT_ACCESSIBLE_ENDPOINTS); bots skip the scope check. */
    public Access openToBots() {
        return new Access(scope, true, administratorsOnly);
    }

    /**
     * Agents are refused: 401, or 404 when the scope's record does not exist, since Chatwoot finds
     * the record before it asks the policy.
     */
    public Access administratorsOnly() {
        return new Access(scope, openToBots, true);
    }

    public Scope scope() {
        return scope;
    }

    public boolean isOpenToBots() {
        return openToBots;
    }

    public boolean isAdministratorsOnly() {
        return administratorsOnly;
    }

    /**
     * Fails unless this declaration fits the route: its scope's record id is in the template, the
     * template names no other scope's record (an agent would reach it unchecked), and it is not
     * open to bots and for administrators only at once (a bot is never an administrator).
     */
    void requireFits(String route, String subPath) {
        if (scope.stem != null && !scope.names(subPath)) {
            throw new IllegalArgumentException(route + ": declared " + this + " but its template does not start with "
                    + scope.stem + " under the account, so there is no {" + scope.idParameter + "} to check");
        }
        for (Scope other : Scope.values()) {
            if (other != scope && other.names(subPath)) {
                throw new IllegalArgumentException(route + ": its template names a record (" + other.stem
                        + ") but it is declared " + this + "; declare Access." + other.name().toLowerCase(Locale.ROOT)
                        + "() so agents are checked against it");
            }
        }
        if (openToBots && administratorsOnly) {
            throw new IllegalArgumentException(route + ": declared both open to bots and for administrators only");
        }
    }

    @Override
    public String toString() {
        return scope.name().toLowerCase(Locale.ROOT) + (openToBots ? ", open to bots" : "")
                + (administratorsOnly ? ", administrators only" : "");
    }
}
