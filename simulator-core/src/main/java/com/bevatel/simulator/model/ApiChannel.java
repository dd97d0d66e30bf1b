package com.bevatel.simulator.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import org.apiguardian.api.API;

/**
 * The {@code Channel::Api} row behind an API inbox. {@code identifier} is the Client API credential,
 * {@code hmacToken} signs contact identities ({@code identifier_hash}), {@code secret} signs webhook deliveries (lib/webhooks/trigger.rb).
 */
@API(status = INTERNAL)
public record ApiChannel(long id, String identifier, String hmacToken, String secret, String webhookUrl,
                         boolean hmacMandatory, JsonBag additionalAttributes,
                         Instant createdAt, Instant updatedAt) {
}
