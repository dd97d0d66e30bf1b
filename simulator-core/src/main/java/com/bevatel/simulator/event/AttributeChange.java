package com.bevatel.simulator.event;

/**
 * One changed column, as Rails' {@code previous_changes} reports it: the column name and the raw
 * values (Instant, enum, String, List …); views decide how to render them.
 */
public record AttributeChange(String attribute, Object previousValue, Object currentValue) {
}
