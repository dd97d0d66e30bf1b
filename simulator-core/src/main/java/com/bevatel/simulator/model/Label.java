package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A label defined in an account (app/models/label.rb): its title is lower-cased and unique in the
 * account. Conversations and contacts are tagged with titles as free strings, defined or not.
 *
 * @param id            the label's id
 * @param accountId     the account it belongs to
 * @param title         its title, lower-cased
 * @param description   its description, or null
 * @param color         its colour ({@code #1f93ff} unless given)
 * @param showOnSidebar whether the dashboard lists it in the sidebar, or null
 * @param createdAt     when it was created
 * @param updatedAt     when it last changed
 */
@API(status = INTERNAL)
public record Label(long id, long accountId, String title, String description, String color, Boolean showOnSidebar,
                    Instant createdAt, Instant updatedAt) {
    /** The {@code color} column's default. */
    public static final String DEFAULT_COLOR = "#1f93ff";
}
