package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** A file received in a multipart request ({@code attachments[]}), held in memory. */
@API(status = INTERNAL)
public record Upload(String fileName, String contentType, byte[] data) {
    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
}
