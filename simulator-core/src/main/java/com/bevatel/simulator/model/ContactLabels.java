package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/** A contact's labels (Chatwoot's {@code label_list} tagging), in the order they were set. */
@API(status = INTERNAL)
public record ContactLabels(long contactId, List<String> labels) {
}
