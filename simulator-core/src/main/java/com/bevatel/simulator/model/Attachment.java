package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A file attached to a message, kept in memory with its bytes. {@code blobKey} names it in the
 * {@code data_url} the simulator serves it back at; {@code width}/{@code height} are known for the
 * images the JDK can read, null otherwise. The byte array is never modified once stored.
 */
@API(status = INTERNAL)
public record Attachment(long id, long accountId, long messageId, AttachmentFileType fileType, String fileName,
                         String contentType, String extension, byte[] data, Integer width, Integer height,
                         String blobKey, Instant createdAt) {

    public long byteSize() {
        return data.length;
    }
}
