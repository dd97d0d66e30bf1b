package com.bevatel.simulator.standalone.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.standalone.Client;
import com.bevatel.simulator.standalone.admin.AdminApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page carries its first state (for a screenshot without waiting), but never past the admin token. */
class DashboardPageTest {
    private static final Pattern INITIAL_STATE = Pattern.compile(
            "<script type=\"application/json\" id=\"initial-state\">(.*?)</script>", Pattern.DOTALL);
    /** Ends the script element early or opens an HTML comment inside it, unless escaped. */
    private static final String HOSTILE = "</script><!--<script>alert(1)</script> & more";

    @Test
    void withoutAnAdminTokenThePageInlinesWhatItWouldFetchFirstEscaped() throws IOException {
        try (BevatelSimulator sim = BevatelSimulator.builder().apiInboxWebhookSink("inbox")
                .extension(new Dashboard()).start()) {
            ApiClient http = new ApiClient(sim);
            long id = http.conversation("Alice", "+15550001111");
            http.incoming(id, HOSTILE);
            sim.webhooks().await(2, d -> true, Duration.ofSeconds(20));

            ApiClient.Result page = http.get(Dashboard.PATH);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).doesNotContain(HOSTILE).doesNotContain("<!--<script>");
            JsonNode state = initialState(page.body());
            assertThat(state.at("/overview/account/id").asLong()).isEqualTo(1);
            assertThat(state.at("/conversations/total").asInt()).isEqualTo(1);
            assertThat(state.at("/conversations/conversations/0/last_message/content").asText()).isEqualTo(HOSTILE);
            assertThat(state.at("/deliveries/deliveries").findValuesAsText("event"))
                    .containsExactly("conversation_created", "message_created");
            // The same as the read API answers, so the page shows what its first fetch would.
            assertThat(state.get("overview")).isEqualTo(http.get(DashboardApi.API + "/overview").json());
            assertThat(state.get("deliveries")).isEqualTo(http.get(DashboardApi.API + "/deliveries").json());
            assertThat(state.get("conversations"))
                    .isEqualTo(http.get(DashboardApi.API + "/conversations?status=all&limit=200").json());
        }
    }

    @Test
    void withAnAdminTokenOnlyAPageRequestCarryingItGetsTheData() throws IOException {
        try (BevatelSimulator sim = BevatelSimulator.builder().apiInboxWebhookSink("inbox")
                .extension(new Dashboard())
                .extension(new AdminApi(new AdminApi.Settings("test", "s3cret", null, null))).start()) {
            ApiClient http = new ApiClient(sim);
            http.conversation("Alice", "+15550001111");

            ApiClient.Result anonymous = http.get(Dashboard.PATH);
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.body()).contains("<script type=\"module\" src=\"/_simulator/ui/app.js\"></script>")
                    .doesNotContain("initial-state").doesNotContain("Alice");
            assertThat(http.get(Dashboard.PATH + "/").body()).doesNotContain("initial-state");
            assertThat(http.get(Dashboard.PATH + "?admin_token=wrong").body()).doesNotContain("initial-state");

            // With the token the page is a redirect that drops it, and a session cookie that then opens the page.
            Client browser = new Client(sim.baseUrl(), null);
            Client.Result opened = browser.get(Dashboard.PATH + "?admin_token=s3cret&live=off");
            assertThat(opened.status()).isEqualTo(303);
            assertThat(opened.header("Location")).isEqualTo(Dashboard.PATH + "?live=off");
            String cookie = opened.header("Set-Cookie").split(";", 2)[0];
            Client.Result page = browser.withHeader("Cookie", cookie).get(Dashboard.PATH + "?live=off");
            assertThat(initialState(page.body()).at("/conversations/conversations/0/contact/name").asText())
                    .isEqualTo("Alice");
            Client.Result withHeader = browser.withAdminToken("s3cret").get(Dashboard.PATH);
            assertThat(initialState(withHeader.body()).at("/overview/account/id").asLong()).isEqualTo(1);
        }
    }

    @Test
    void scriptSafeJsonReadsBackTheSameAndCannotEndTheScript() throws IOException {
        String json = new ObjectMapper().writeValueAsString(new String[] {HOSTILE, "line\u2028separator"});
        String safe = DashboardPage.scriptSafe(json);
        assertThat(safe).doesNotContain("<", ">", "&", "\u2028");
        assertThat(new ObjectMapper().readValue(safe, String[].class)).containsExactly(HOSTILE, "line\u2028separator");
    }

    private static JsonNode initialState(String page) throws IOException {
        Matcher matcher = INITIAL_STATE.matcher(page);
        assertThat(matcher.find()).as("an initial-state script in %s", page).isTrue();
        return new ObjectMapper().readTree(matcher.group(1));
    }
}
