package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Availability;
import com.bevatel.simulator.model.JsonBag;
import com.bevatel.simulator.model.User;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a user changes of themself through {@code /api/v1/profile} (app/controllers/api/v1/profiles_controller.rb):
 * names, signature, dashboard settings, phone number, availability, auto-offline, their access token.
 */
@API(status = INTERNAL)
public final class Profiles {
    /** The generic check of app/models/application_record.rb for text columns. */
    private static final int MAX_TEXT = 20_000;

    private Profiles() {
    }

    /**
     * The permitted profile parameters; a null field is "not given". {@code uiSettings} replaces the
     * whole object (a jsonb column assigned); {@code phoneNumber} is merged into {@code custom_attributes}.
     */
    public record ProfileFields(Change<String> name, Change<String> displayName, Change<String> messageSignature,
                                ObjectNode uiSettings, Change<JsonNode> phoneNumber) {
    }

    /** {@code update}: assigns, then validates as User does (column lengths in column order, then the name's presence). */
    public static User update(Transaction tx, User current, ProfileFields f) {
        User.Builder b = current.toBuilder();
        b.name = Change.apply(f.name(), b.name);
        b.displayName = Change.apply(f.displayName(), b.displayName);
        b.messageSignature = Change.apply(f.messageSignature(), b.messageSignature);
        if (f.uiSettings() != null) {
            b.uiSettings = JsonBag.of(f.uiSettings());
        }
        if (f.phoneNumber() != null) {
            b.customAttributes = b.customAttributes.with("phone_number", f.phoneNumber().value());
        }
        List<Errors.Violation> v = new ArrayList<>();
        tooLong(v, "name", "Name", b.name, Agents.MAX_STRING);
        tooLong(v, "display_name", "Display name", b.displayName, Agents.MAX_STRING);
        tooLong(v, "message_signature", "Message signature", b.messageSignature, MAX_TEXT);
        if (b.name == null || b.name.isBlank()) {
            v.add(new Errors.Violation("name", "Name can't be blank"));
        }
        if (!v.isEmpty()) {
            throw Errors.validation(v);
        }
        return save(tx, b);
    }

    /** {@code availability}: the account user's availability. */
    public static User availability(Transaction tx, User current, Availability availability) {
        User.Builder b = current.toBuilder();
        b.availability = availability;
        return save(tx, b);
    }

    /** {@code auto_offline}: whether the shown availability follows presence. */
    public static User autoOffline(Transaction tx, User current, boolean autoOffline) {
        User.Builder b = current.toBuilder();
        b.autoOffline = autoOffline;
        return save(tx, b);
    }

    /** {@code access_token.regenerate_token}: the old token stops working at once. */
    public static User resetAccessToken(Transaction tx, User current) {
        User.Builder b = current.toBuilder();
        b.accessToken = tx.token();
        return save(tx, b);
    }

    private static User save(Transaction tx, User.Builder b) {
        User saved = b.build();
        tx.state().users.put(saved);
        return saved;
    }

    private static void tooLong(List<Errors.Violation> v, String attribute, String label, String value, int max) {
        if (value != null && value.length() > max) {
            v.add(new Errors.Violation(attribute, label + " is too long (maximum is " + max + " characters)"));
        }
    }
}
