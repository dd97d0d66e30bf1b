package com.bevatel.simulator.view;

import com.bevatel.simulator.json.Json;
import com.bevatel.simulator.model.Attachment;
import com.bevatel.simulator.model.AttachmentFileType;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.model.WireEnum;
import com.bevatel.simulator.state.State;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Attachment push data (app/models/attachment.rb#push_event_data of 4.16), with absolute URLs on
 * the simulator itself, which serves the bytes back ({@code AttachmentRoute}).
 */
public final class AttachmentView {
    public static final String BLOB_PATH = "/rails/active_storage/blobs/redirect/";
    public static final String REPRESENTATION_PATH = "/rails/active_storage/representations/redirect/";

    private AttachmentView() {
    }

    public static ArrayNode list(long messageId, State state) {
        ArrayNode list = Json.array();
        for (long id : state.attachmentsOfMessage.of(messageId)) {
            list.add(push(state.attachments.get(id), state.settings().baseUrl()));
        }
        return list;
    }

    /** base data, then the file metadata; audio adds {@code transcribed_text}. */
    public static ObjectNode push(Attachment a, String baseUrl) {
        ObjectNode o = Json.object();
        o.put("id", a.id());
        o.put("message_id", a.messageId());
        o.put("file_type", WireEnum.name(a.fileType()));
        o.put("account_id", a.accountId());
        o.set("extension", Json.text(a.extension()));
        o.put("data_url", dataUrl(a, baseUrl));
        o.put("thumb_url", a.fileType() == AttachmentFileType.IMAGE ? thumbUrl(a, baseUrl) : "");
        o.put("file_size", a.byteSize());
        putNullable(o, "width", a.width());
        putNullable(o, "height", a.height());
        if (a.fileType() == AttachmentFileType.AUDIO) {
            o.put("transcribed_text", "");
        }
        return o;
    }

    /**
     * The REST partial (app/views/api/v1/models/_attachment.json.jbuilder): push data's values in its own
     * order, the message's {@code created_at}, and the sender's push data when the message has a sender.
     */
    public static ObjectNode rest(Attachment a, State state) {
        return rest(a, state.messages.get(a.messageId()), state);
    }

    /** As {@link #rest(Attachment, State)}, with the attachment's message already at hand. */
    public static ObjectNode rest(Attachment a, Message message, State state) {
        ObjectNode push = push(a, state.settings().baseUrl());
        ObjectNode o = Json.object();
        for (String key : new String[] {"id", "message_id", "thumb_url", "data_url", "file_size", "file_type", "extension",
                "width", "height"}) {
            o.set(key, push.get(key));
        }
        o.put("created_at", Json.unix(message.createdAt()));
        ObjectNode sender = Senders.push(message, state);
        if (sender != null) {
            o.set("sender", sender);
        }
        return o;
    }

    public static String dataUrl(Attachment a, String baseUrl) {
        return baseUrl + BLOB_PATH + a.blobKey() + "/" + encode(a.fileName());
    }

    public static String thumbUrl(Attachment a, String baseUrl) {
        return baseUrl + REPRESENTATION_PATH + a.blobKey() + "/thumb/" + encode(a.fileName());
    }

    private static String encode(String fileName) {
        return URLEncoder.encode(fileName == null ? "blob" : fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void putNullable(ObjectNode o, String key, Integer value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }
}
