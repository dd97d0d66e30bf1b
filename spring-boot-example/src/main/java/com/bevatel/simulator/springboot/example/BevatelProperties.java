package com.bevatel.simulator.springboot.example;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the desk finds Bevatel ({@code bevatel.*} in {@code application.properties}, or set by a test).
 *
 * @param baseUrl       Bevatel's address, e.g. {@code https://chat.example.com}
 * @param accessToken   an agent's or administrator's {@code api_access_token} (Profile settings)
 * @param accountId     the account the desk works in
 * @param inboxId       the API inbox its chats go to
 * @param webhookSecret the API inbox's webhook secret, to check {@code X-Chatwoot-Signature}; none: unchecked
 */
@ConfigurationProperties("bevatel")
public record BevatelProperties(URI baseUrl, String accessToken, long accountId, long inboxId, String webhookSecret) {
}
