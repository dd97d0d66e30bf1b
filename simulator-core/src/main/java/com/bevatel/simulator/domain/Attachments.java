package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.Attachment;
import com.bevatel.simulator.model.AttachmentFileType;
import com.bevatel.simulator.model.Conversation;
import com.bevatel.simulator.model.Message;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apiguardian.api.API;

/**
 * Message attachments (app/models/attachment.rb): stored in memory with their bytes, served back by the
 * simulator at the URLs the views print. The total size held is bounded ({@code Settings}).
 */
@API(status = INTERNAL)
public final class Attachments {
    /** Chatwoot's {@code Message::NUMBER_OF_PERMITTED_ATTACHMENTS}. */
    public static final int MAX_PER_MESSAGE = 15;

    private static final Set<String> IMAGE_TYPES =
            Set.of("image/jpeg", "image/jpg", "image/png", "image/gif", "image/bmp", "image/webp", "image");
    private static final Set<String> VIDEO_TYPES =
            Set.of("video/ogg", "video/mp4", "video/webm", "video/quicktime", "video");

    private Attachments() {
    }

    /** Chatwoot's FileTypeHelper: listed image and video types, any {@code audio/}, else file. */
    public static AttachmentFileType fileType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        if (parameters >= 0) {
            type = type.substring(0, parameters).strip();
        }
        if (IMAGE_TYPES.contains(type)) {
            return AttachmentFileType.IMAGE;
        }
        if (VIDEO_TYPES.contains(type)) {
            return AttachmentFileType.VIDEO;
        }
        if (type.contains("audio/")) {
            return AttachmentFileType.AUDIO;
        }
        return AttachmentFileType.FILE;
    }

    /** The 15-per-message rule, checked before anything is written. */
    public static void checkCount(List<Upload> uploads) {
        if (uploads.size() > MAX_PER_MESSAGE) {
            throw Errors.error(422, "Validation failed: Attachments exceeded maximum allowed ("
                    + MAX_PER_MESSAGE + " per message, " + uploads.size() + " given)");
        }
    }

    /** Stores the uploads as the message's attachments, in the order they were sent. */
    public static void attach(Transaction tx, Message message, List<Upload> uploads) {
        if (uploads.isEmpty()) {
            return;
        }
        checkCount(uploads);
        State state = tx.state();
        long incoming = uploads.stream().mapToLong(u -> u.data().length).sum();
        long stored = state.attachments.all().stream().mapToLong(Attachment::byteSize).sum();
        long limit = state.settings().maxAttachmentBytes();
        if (stored + incoming > limit) {
            throw Errors.error(422, "Validation failed: Attachments would exceed the simulator's attachment storage of "
                    + limit + " bytes (" + stored + " in use); raise maxAttachmentStorageBytes or reset the simulator");
        }
        for (Upload upload : uploads) {
            String contentType = upload.contentType() == null || upload.contentType().isBlank()
                    ? Upload.DEFAULT_CONTENT_TYPE : upload.contentType();
            AttachmentFileType type = fileType(contentType);
            int[] size = type == AttachmentFileType.IMAGE ? imageSize(upload.data()) : null;
            Attachment attachment = new Attachment(tx.nextId(Sequence.ATTACHMENT), message.accountId(), message.id(),
                    type, upload.fileName(), contentType, extension(upload.fileName()), upload.data(),
                    size == null ? null : size[0], size == null ? null : size[1], tx.token(), tx.now());
            state.attachments.put(attachment);
        }
    }

    public static List<Attachment> of(State state, long messageId) {
        List<Attachment> out = new ArrayList<>();
        for (long id : state.attachmentsOfMessage.of(messageId)) {
            out.add(state.attachments.get(id));
        }
        return out;
    }

    /** A conversation's attachments ({@code has_many :attachments, through: :messages}), newest first. */
    public static List<Attachment> ofConversation(State state, Conversation conversation) {
        List<Attachment> out = new ArrayList<>();
        for (long messageId : state.messagesOfConversation.of(conversation.id())) {
            out.addAll(of(state, messageId));
        }
        out.sort(Comparator.comparing(Attachment::createdAt).thenComparingLong(Attachment::id).reversed());
        return out;
    }

    public static Optional<Attachment> byBlobKey(State state, String blobKey) {
        return state.attachmentByBlobKey.find(blobKey).flatMap(state.attachments::find);
    }

    /** Drops a message's attachments (message delete, conversation or inbox deletion). */
    public static void removeAll(Transaction tx, long messageId) {
        State state = tx.state();
        for (long id : List.copyOf(state.attachmentsOfMessage.of(messageId))) {
            Attachment attachment = state.attachments.get(id);
            state.attachments.remove(id);
        }
    }

    /** Ruby's {@code File.extname(name).delete_prefix('.').presence}. */
    static String extension(String fileName) {
        if (fileName == null) {
            return null;
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        if (dot <= 0 || dot == base.length() - 1) {
            return null;
        }
        return base.substring(dot + 1);
    }

    /** Width and height from the image header, for the formats the JDK reads; null otherwise. */
    private static int[] imageSize(byte[] data) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
