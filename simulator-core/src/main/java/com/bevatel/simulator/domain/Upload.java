package com.bevatel.simulator.domain;

/** A file received in a multipart request ({@code attachments[]}), held in memory. */
public record Upload(String fileName, String contentType, byte[] data) {
    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
}
