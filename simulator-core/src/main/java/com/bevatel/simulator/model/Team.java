package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A team of agents; Chatwoot stores team names stripped and lower-cased ("Support" → "support").
 *
 * <p>The simulator makes these: read them. Components may be added in a later version (which
 * changes the canonical constructor), so build none yourself.
 *
 * @param id              the team's id
 * @param accountId       the account it belongs to
 * @param name            its name, lower-cased
 * @param description     its description, or null
 * @param allowAutoAssign whether Chatwoot may assign its conversations automatically
 * @param icon            its icon's name ({@code ""} when none)
 * @param iconColor       its icon's colour ({@code ""} when none)
 * @param createdAt       when it was created (simulated time)
 * @param updatedAt       when it last changed (simulated time)
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public record Team(long id, long accountId, String name, String description, boolean allowAutoAssign,
                   String icon, String iconColor, Instant createdAt, Instant updatedAt) {
}
