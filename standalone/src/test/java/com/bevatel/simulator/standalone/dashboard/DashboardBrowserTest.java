package com.bevatel.simulator.standalone.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.DashboardAgent;
import com.bevatel.simulator.webhook.Delivery;
import com.bevatel.simulator.webhook.Receiver;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in real headless Chromium (issue 6 §5): a conversation created through the API
 * appears without a reload, the agent replies from the page, and the reply is in the API and its
 * webhook in the journal. Screenshots land in {@code target/screenshots/}.
 */
class DashboardBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    @RegisterExtension
    static final BrowserSession BROWSER = new BrowserSession();

    private ChromeDriver browser;
    private BevatelSimulator sim;
    private ApiClient http;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        Browser.requireInstalled(); // each test then counts as skipped (or, in CI, failed) with the reason
        browser = BROWSER.driver();
        sim = BevatelSimulator.builder().apiInboxWebhookSink("inbox").agent("Sam Agent", "sam@example.com", null)
                .extension(new Dashboard()).start();
        http = new ApiClient(sim);
        // The page re-renders what changed, so an element found a moment ago may have been replaced.
        wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class).pollingEvery(Duration.ofMillis(50));
        browser.get(sim.baseUrl() + Dashboard.PATH);
        // Live: the event stream is open, so every change from here on reaches the page.
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-list"), "No conversations"));
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    /** No script error, failed module load or rejected request on the page. */
    private void assertConsoleClean() {
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .extracting(LogEntry::getMessage).isEmpty();
    }

    @Test
    void aConversationFromTheApiAppearsLiveAndTheAgentRepliesFromThePage() throws IOException {
        // Proof that nothing reloads the page: a reload would drop this marker.
        js("window.notReloaded = true");

        long id = http.conversation("Alice Doe", "+15550001111");
        long contact = http.get("/api/v1/accounts/1/conversations/" + id).json().at("/meta/sender/id").asLong();
        assertThat(http.post("/api/v1/accounts/1/contacts/" + contact + "/notes", "{\"content\":\"Prefers a call after 5 pm\"}")
                .status()).isEqualTo(200);
        http.incoming(id, "Hi, my order is late");

        // The list re-renders on each live update: find, check and click in one retried step, so an
        // element replaced between finding and clicking (stale) is simply found again.
        By item = By.cssSelector("#conversation-list li[data-conversation-id='" + id + "'] button");
        wait.until(driver -> {
            WebElement button = driver.findElement(item);
            String text = button.getText();
            if (!(text.contains("Alice Doe") && text.contains("#" + id) && text.contains("Hi, my order is late")
                    && text.contains("Open"))) {
                return false;
            }
            button.click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages li[data-message-type='incoming']"), "Hi, my order is late"));
        assertThat(browser.findElement(By.id("chat-title")).getText()).isEqualTo("Alice Doe");
        assertThat(browser.findElement(By.id("contact-notes")).getText()).as("the contact's notes")
                .contains("Prefers a call after 5 pm", sim.administrator().name());

        browser.findElement(By.id("composer-text")).sendKeys("Sorry, Alice! It ships today.");
        browser.findElement(By.id("send")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages li[data-message-type='outgoing']"), "Sorry, Alice! It ships today."));
        assertThat(browser.findElement(By.id("composer-text")).getAttribute("value")).isEmpty();

        // The reply is a real outgoing message in the Application API, from the administrator …
        JsonNode messages = http.get("/api/v1/accounts/1/conversations/" + id + "/messages").json().get("payload");
        JsonNode reply = messages.get(messages.size() - 1);
        assertThat(reply.get("content").asText()).isEqualTo("Sorry, Alice! It ships today.");
        assertThat(reply.get("message_type").asInt()).isEqualTo(1);
        assertThat(reply.get("private").asBoolean()).isFalse();
        assertThat(reply.at("/sender/name").asText()).isEqualTo(sim.administrator().name());
        // … and its webhook reached the inbox's receiver (the built-in sink), recorded in the journal.
        Delivery webhook = sim.webhooks().await(1, d -> d.event().equals("message_created")
                && d.payload().path("message_type").asText().equals("outgoing"), WAIT).get(0);
        assertThat(webhook.receiver()).isEqualTo(Receiver.apiInbox(1));
        assertThat(webhook.url()).isEqualTo(sim.sinkUrl("inbox"));
        assertThat(webhook.responseStatus()).isEqualTo(200);
        assertThat(webhook.payload().get("content").asText()).isEqualTo("Sorry, Alice! It ships today.");

        // The page lists that delivery too; opening it shows what was sent.
        By row = By.cssSelector("#delivery-list li[data-delivery-id='" + webhook.id() + "'] .delivery-row");
        wait.until(ExpectedConditions.elementToBeClickable(row)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#delivery-list li[data-delivery-id='" + webhook.id() + "'] .request-body"),
                "Sorry, Alice! It ships today."));
        assertThat(browser.findElement(row).getText()).contains("200", "message_created", "API inbox 1");

        assertThat(js("return window.notReloaded === true")).isEqualTo(true);
        assertThat(js("return [window.innerWidth, window.innerHeight]").toString()).isEqualTo("[1280, 800]");
        assertConsoleClean();
        screenshot("dashboard-reply.png");
    }

    @Test
    void theFormsAddANoteResolveReopenAndAssignAsTheChosenAgent() throws IOException {
        long id = http.conversation("Bob Roe", "+15550002222");
        http.incoming(id, "Can I change my address?");
        browser.get(sim.baseUrl() + Dashboard.PATH + "#/conversations/" + id);
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-title"), "Bob Roe"));

        new Select(browser.findElement(By.id("act-as"))).selectByValue("sam@example.com");
        browser.findElement(By.id("mode-note")).click();
        browser.findElement(By.id("composer-text")).sendKeys("Check the carrier first");
        browser.findElement(By.id("send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages li[data-message-type='note']"), "Check the carrier first"));

        new Select(browser.findElement(By.id("assignee"))).selectByValue("sam@example.com");
        wait.until(ExpectedConditions.textToBe(By.id("chat-assignee"), "Sam Agent"));

        browser.findElement(By.id("toggle-status")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("chat-status"), "textContent", "resolved"));
        assertThat(browser.findElement(By.id("toggle-status")).getText()).isEqualTo("Reopen");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages li[data-message-type='activity']:last-child"), "resolved"));

        JsonNode conversation = http.get("/api/v1/accounts/1/conversations/" + id).json();
        assertThat(conversation.get("status").asText()).isEqualTo("resolved");
        assertThat(conversation.at("/meta/assignee/email").asText()).isEqualTo("sam@example.com");
        JsonNode messages = http.get("/api/v1/accounts/1/conversations/" + id + "/messages").json().get("payload");
        JsonNode note = null;
        for (JsonNode message : messages) {
            if ("Check the carrier first".equals(message.path("content").asText())) {
                note = message;
            }
        }
        assertThat(note).as("the note in %s", messages).isNotNull();
        assertThat(note.get("private").asBoolean()).isTrue();
        assertThat(note.at("/sender/name").asText()).isEqualTo("Sam Agent");

        browser.findElement(By.id("toggle-status")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("chat-status"), "textContent", "open"));
        assertThat(http.get("/api/v1/accounts/1/conversations/" + id).json().get("status").asText()).isEqualTo("open");

        // A change made elsewhere (here: Java) shows on the open conversation without a reload.
        sim.agent("Sam Agent").setLabels(id, "address-change");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-head"), "address-change"));
        assertConsoleClean();
        screenshot("dashboard-actions.png");
    }

    @Test
    void aFailedIncomingMessageShowsItsErrorAndTheDeliveriesShowTheirConversationAndFilterFailed()
            throws IOException {
        long id = http.conversation("Carol Poe", "+15550003333"); // conversation_created: the sink answers 200
        sim.webhooks().await(1, d -> d.event().equals("conversation_created"), WAIT);
        sim.sink("inbox").respondWith(500);
        http.incoming(id, "Is anyone there?");
        // The failed callback marks the message failed, which fires message_updated (failing too).
        sim.webhooks().await(1, d -> d.event().equals("message_updated"), WAIT);
        JsonNode message = http.get("/api/v1/accounts/1/conversations/" + id + "/messages").json().get("payload").get(0);
        assertThat(message.get("status").asText()).isEqualTo("failed");
        String error = message.at("/content_attributes/external_error").asText();
        assertThat(error).isNotBlank();

        // The state is in the page itself, rendered before the load event that get() waits for.
        browser.get(sim.baseUrl() + Dashboard.PATH);
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-ready")).isEqualTo("true");
        assertThat(browser.findElement(By.id("conversation-list")).getText()).contains("Carol Poe");
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));

        browser.findElement(By.cssSelector("#conversation-list li[data-conversation-id='" + id + "'] button")).click();
        By failed = By.cssSelector("#messages li[data-message-type='incoming'][data-status='failed'] .message-meta .failed");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(failed, "failed: " + error));
        assertThat(browser.findElement(failed).getAttribute("title")).isEqualTo(error);

        // Collapsed, every row names its conversation.
        List<Delivery> all = sim.webhooks().all();
        List<Delivery> failures = all.stream().filter(d -> !d.succeeded()).toList();
        assertThat(failures).extracting(Delivery::event).contains("message_created", "message_updated");
        wait.until(driver -> driver.findElements(By.cssSelector("#delivery-list li[data-delivery-id]")).size() == all.size());
        for (Delivery delivery : all) {
            By row = By.cssSelector("#delivery-list li[data-delivery-id='" + delivery.id() + "'] .delivery-row");
            assertThat(browser.findElement(row).getText()).contains("conv " + id, delivery.event());
        }

        browser.findElement(By.id("only-failed")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("#delivery-list li[data-delivery-id]")).size()
                == failures.size());
        assertThat(browser.findElements(By.cssSelector("#delivery-list li[data-delivery-id]")))
                .extracting(row -> Long.parseLong(row.getAttribute("data-delivery-id")))
                .containsExactlyInAnyOrderElementsOf(failures.stream().map(Delivery::id).toList());
        assertThat(browser.findElement(By.id("delivery-list")).getText()).doesNotContain("conversation_created");

        browser.findElement(By.id("only-failed")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("#delivery-list li[data-delivery-id]")).size() == all.size());
        assertConsoleClean();
        screenshot("dashboard-failed.png");

        // For a one-off screenshot: no event stream, and data-ready only once the open thread is shown too.
        browser.get(sim.baseUrl() + Dashboard.PATH + "?live=off#/conversations/" + id);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("Is anyone there?", "failed: " + error);
        assertThat(browser.findElement(By.id("live")).getAttribute("data-state")).isEqualTo("off");
        assertConsoleClean();
    }

    /** Issue 14 §8: the page shows a long conversation's newest page, older ones on demand, and keeps them as it updates. */
    @Test
    void aLongConversationShowsItsNewestPageAndLoadsOlderOnesOnDemand() throws IOException {
        long id = http.conversation("Dan Long", "+15550004444");
        DashboardAgent admin = sim.agent(sim.administrator().name());
        for (int i = 1; i <= 130; i++) {
            admin.reply(id, "m" + i);
        }
        browser.get(sim.baseUrl() + Dashboard.PATH + "#/conversations/" + id);
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        By shown = By.cssSelector("#messages li[data-message-id]");
        // Read inside the waits: a live update may re-render the list between finding and reading it.
        wait.until(driver -> shows(driver.findElements(shown), 100, 0, "m31"));

        browser.findElement(By.id("load-older")).click();
        wait.until(driver -> shows(driver.findElements(shown), 130, 0, "m1\n"));
        assertThat(browser.findElements(By.id("load-older"))).as("nothing older is left").isEmpty();

        // A change refetches the newest page only, and the older messages stay shown.
        http.incoming(id, "still there?");
        wait.until(driver -> shows(driver.findElements(shown), 131, 0, "m1\n")
                && driver.findElements(shown).get(130).getText().startsWith("still there?"));
        assertConsoleClean();
        screenshot("dashboard-load-older.png");
    }

    /** Whether {@code count} messages are shown and the one at {@code index} starts with {@code text}. */
    private static boolean shows(List<WebElement> messages, int count, int index, String text) {
        return messages.size() == count && messages.get(index).getText().startsWith(text);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
