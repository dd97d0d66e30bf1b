package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * An agent or administrator of one account, holding the {@code api_access_token} it is known by:
 * Chatwoot's {@code User} with its {@code AccountUser} in that account (app/models/user.rb,
 * app/models/account_user.rb).
 *
 * <p>The simulator makes these: read them. Components may be added in a later version (which
 * changes the canonical constructor), so build none yourself.
 *
 * @param id               the user's id
 * @param accountId        the account they belong to
 * @param name             their name
 * @param displayName      the name shown instead, or null
 * @param email            their email
 * @param role             agent or administrator
 * @param accessToken      their {@code api_access_token}
 * @param pubsubToken      their {@code pubsub_token}
 * @param createdAt        when they were created (simulated time)
 * @param confirmed        whether they confirmed their email (agents invited over the API have not: the
 *                         simulator sends no confirmation mail)
 * @param availability     the availability they set in the account
 * @param autoOffline      whether their shown availability follows their presence (Chatwoot's default)
 * @param inviterId        the user who added them to the account, or null
 * @param messageSignature the signature of their replies, or null
 * @param uiSettings       their dashboard settings ({@code ui_settings})
 * @param customAttributes their {@code custom_attributes} (the profile's {@code phone_number})
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public record User(long id, long accountId, String name, String displayName, String email,
                   Role role, String accessToken, String pubsubToken, Instant createdAt,
                   boolean confirmed, Availability availability, boolean autoOffline, Long inviterId,
                   String messageSignature, JsonBag uiSettings, JsonBag customAttributes) {

    /**
     * Internal: the simulator stores these. Null bags are the empty ones.
     *
     * @param id               as {@link #id()}
     * @param accountId        as {@link #accountId()}
     * @param name             as {@link #name()}
     * @param displayName      as {@link #displayName()}
     * @param email            as {@link #email()}
     * @param role             as {@link #role()}
     * @param accessToken      as {@link #accessToken()}
     * @param pubsubToken      as {@link #pubsubToken()}
     * @param createdAt        as {@link #createdAt()}
     * @param confirmed        as {@link #confirmed()}
     * @param availability     as {@link #availability()}
     * @param autoOffline      as {@link #autoOffline()}
     * @param inviterId        as {@link #inviterId()}
     * @param messageSignature as {@link #messageSignature()}
     * @param uiSettings       as {@link #uiSettings()}
     * @param customAttributes as {@link #customAttributes()}
     */
    @API(status = INTERNAL)
    public User {
        uiSettings = uiSettings == null ? JsonBag.EMPTY : uiSettings;
        customAttributes = customAttributes == null ? JsonBag.EMPTY : customAttributes;
    }

    /**
     * Internal: a confirmed member with Chatwoot's defaults for the rest (online, auto-offline, no
     * inviter, signature or settings), as the seeded ones are.
     *
     * @param id          as {@link #id()}
     * @param accountId   as {@link #accountId()}
     * @param name        as {@link #name()}
     * @param displayName as {@link #displayName()}
     * @param email       as {@link #email()}
     * @param role        as {@link #role()}
     * @param accessToken as {@link #accessToken()}
     * @param pubsubToken as {@link #pubsubToken()}
     * @param createdAt   as {@link #createdAt()}
     */
    @API(status = INTERNAL)
    public User(long id, long accountId, String name, String displayName, String email,
                Role role, String accessToken, String pubsubToken, Instant createdAt) {
        this(id, accountId, name, displayName, email, role, accessToken, pubsubToken, createdAt, true,
                Availability.ONLINE, true, null, null, JsonBag.EMPTY, JsonBag.EMPTY);
    }

    /**
     * Chatwoot's {@code available_name}.
     *
     * @return the display name when set, else the name
     */
    public String availableName() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }

    /**
     * Chatwoot's {@code availability_status} (app/models/concerns/availability_statusable.rb): the
     * availability set when {@code autoOffline} is off; otherwise it follows presence, and a member
     * who only calls the API is never present, so offline.
     *
     * @return {@code online}, {@code offline} or {@code busy}
     */
    public String availabilityStatus() {
        return autoOffline ? "offline" : availability.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Internal: for the simulator's update operations.
     *
     * @return a mutable copy
     * @hidden not part of the documented API
     */
    @API(status = INTERNAL)
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A mutable copy for the domain's update operations; {@code build()} freezes it again. Internal.
     *
     * @hidden not part of the documented API
     */
    @API(status = INTERNAL)
    public static final class Builder {
        public String name;
        public String displayName;
        public Role role;
        public String accessToken;
        public boolean confirmed;
        public Availability availability;
        public boolean autoOffline;
        public Long inviterId;
        public String messageSignature;
        public JsonBag uiSettings;
        public JsonBag customAttributes;
        private final User from;

        private Builder(User from) {
            this.from = from;
            name = from.name;
            displayName = from.displayName;
            role = from.role;
            accessToken = from.accessToken;
            confirmed = from.confirmed;
            availability = from.availability;
            autoOffline = from.autoOffline;
            inviterId = from.inviterId;
            messageSignature = from.messageSignature;
            uiSettings = from.uiSettings;
            customAttributes = from.customAttributes;
        }

        public User build() {
            return new User(from.id, from.accountId, name, displayName, from.email, role, accessToken, from.pubsubToken,
                    from.createdAt, confirmed, availability, autoOffline, inviterId, messageSignature, uiSettings,
                    customAttributes);
        }
    }
}
