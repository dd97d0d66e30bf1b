package com.bevatel.simulator.model;

import java.util.List;

/** A contact's labels (Chatwoot's {@code label_list} tagging), in the order they were set. */
public record ContactLabels(long contactId, List<String> labels) {
}
