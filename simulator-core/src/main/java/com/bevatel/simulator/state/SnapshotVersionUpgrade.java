package com.bevatel.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Set;

/**
 * A state document of version 1 or 2 as {@link SnapshotReader} reads it: the fields later versions
 * added to existing rows are filled with what the simulator gave such rows back then. The tables added
 * later are read only when the document's version has them (see {@code SnapshotReader.readRows}).
 */
final class SnapshotVersionUpgrade {
    /** The sequences of versions 1 and 2; a document of those versions has none of the later ones (read as 0). */
    private static final Set<Sequence> BEFORE_VERSION_3 = EnumSet.range(Sequence.ACCOUNT, Sequence.AGENT_BOT);

    private SnapshotVersionUpgrade() {
    }

    /** The document with its rows as version 3 has them; the document itself when it is of version 3 (or not one at all). */
    static JsonNode upgrade(JsonNode doc) {
        return beforeVersionThree(fromVersionOne(doc));
    }

    /** Whether a document of {@code version} may lack {@code sequence}: it came with a later version. */
    static boolean mayLack(int version, Sequence sequence) {
        return version < 3 && !BEFORE_VERSION_3.contains(sequence);
    }

    /**
     * A version-1 document's bots have neither {@code bot_config} nor {@code secret}: they are read as the
     * empty config and no secret (their deliveries go unsigned). Any other document is read as it is.
     */
    private static JsonNode fromVersionOne(JsonNode doc) {
        if (doc == null || !doc.path("version").canConvertToInt() || doc.path("version").asInt() != 1
                || !doc.path("agent_bots").isArray()) {
            return doc;
        }
        JsonNode copy = doc.deepCopy();
        for (JsonNode row : copy.get("agent_bots")) {
            if (row instanceof ObjectNode bot) {
                if (!bot.has("bot_config")) {
                    bot.putObject("bot_config");
                }
                if (!bot.has("secret")) {
                    bot.putNull("secret");
                }
            }
        }
        return copy;
    }

    /**
     * A document older than version 3 has none of the fields issue 17 added. Its users are read as the
     * seeded users are, confirmed, online and auto-offline, without inviter, signature or settings; its
     * teams without icon ({@code ""}, the columns' default). Its new tables are absent, and so are their
     * sequences (see BEFORE_VERSION_3).
     */
    private static JsonNode beforeVersionThree(JsonNode doc) {
        if (!(doc instanceof ObjectNode original) || !doc.path("version").canConvertToInt()
                || doc.path("version").asInt() >= 3) {
            return doc;
        }
        // Only the users and teams change: the rest (attachments in base64 among it) is shared, not copied.
        ObjectNode copy = original.objectNode();
        copy.setAll(original);
        if (original.path("users").isArray()) {
            copy.set("users", original.get("users").deepCopy());
            for (JsonNode row : copy.get("users")) {
                if (row instanceof ObjectNode user) {
                    user.put("confirmed", true);
                    user.put("availability", "online");
                    user.put("auto_offline", true);
                    user.putNull("inviter_id");
                    user.putNull("message_signature");
                    user.putObject("ui_settings");
                    user.putObject("custom_attributes");
                }
            }
        }
        if (original.path("teams").isArray()) {
            copy.set("teams", original.get("teams").deepCopy());
            for (JsonNode row : copy.get("teams")) {
                if (row instanceof ObjectNode team) {
                    team.put("icon", "");
                    team.put("icon_color", "");
                }
            }
        }
        return copy;
    }
}
