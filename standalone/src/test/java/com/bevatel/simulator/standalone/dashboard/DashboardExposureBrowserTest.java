package com.bevatel.simulator.standalone.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.standalone.admin.AdminApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14 §3 and §19 in real Chromium, as the jar runs with {@code --admin-token}: the dashboard
 * works under its Content-Security-Policy (which Chromium enforces: an inline script is refused),
 * the token opened in its URL is nowhere a script or another page could read it afterwards, and
 * an uploaded page opened from the chat never runs on the simulator's origin.
 */
class DashboardExposureBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOKEN = "s3cret-admin-token";

    @RegisterExtension
    static final BrowserSession BROWSER = new BrowserSession();

    private ChromeDriver browser;
    private BevatelSimulator sim;
    private ApiClient http;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        Browser.requireInstalled();
        browser = BROWSER.driver();
        sim = BevatelSimulator.builder().apiInboxWebhookSink("inbox").extension(new Dashboard())
                .extension(new AdminApi(new AdminApi.Settings("test", TOKEN, null, null))).start();
        http = new ApiClient(sim);
        wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class).pollingEvery(Duration.ofMillis(50));
        browser.manage().logs().get(LogType.BROWSER); // drops what earlier pages logged
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private List<String> severeConsole() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    void openedWithTheTokenThePageDropsItKeepsItFromScriptsAndStillReadsActsAndStaysLive() {
        long id = http.conversation("Alice Doe", "+15550001111");
        http.incoming(id, "Hi there");
        browser.get(sim.baseUrl() + Dashboard.PATH + "?admin_token=" + TOKEN + "#/conversations/" + id);
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Hi there"));

        assertThat(browser.getCurrentUrl()).isEqualTo(sim.baseUrl() + Dashboard.PATH + "#/conversations/" + id);
        assertThat(js("return document.cookie")).as("the session cookie is HttpOnly").isEqualTo("");
        assertThat((String) js("return JSON.stringify(sessionStorage) + JSON.stringify(localStorage)"
                + " + document.documentElement.outerHTML + performance.getEntries().map(e => e.name).join(' ')"))
                .doesNotContain(TOKEN);
        // Shown with the token, the page carried its first state; with the cookie its data calls and stream work.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-list"), "Alice Doe"));

        browser.findElement(By.id("composer-text")).sendKeys("Hello Alice");
        browser.findElement(By.id("send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#messages li[data-message-type='outgoing']"), "Hello Alice"));
        http.incoming(id, "Thanks!");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Thanks!"));
        assertThat(severeConsole()).isEmpty();

        // A reload has no token in its URL: the session carries it.
        browser.navigate().refresh();
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Thanks!"));
        assertThat(severeConsole()).isEmpty();
    }

    @Test
    void theDashboardRunsUnderItsPolicyWhichRefusesInlineScript() {
        browser.get(sim.baseUrl() + Dashboard.PATH + "?admin_token=" + TOKEN);
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        assertThat(severeConsole()).as("the page itself breaks none of its policy").isEmpty();

        // What an injection would add: Chromium refuses to run it, and says why.
        Object ran = js("const s = document.createElement('script'); s.textContent = 'window.injected = true';"
                + " document.head.appendChild(s); return window.injected === true;");
        assertThat(ran).isEqualTo(false);
        assertThat(severeConsole()).anySatisfy(message -> assertThat(message).contains("Content Security Policy"));
    }

    @Test
    void anUploadedPageOpenedFromTheChatDoesNotRunAndItsLinkSendsNoReferrer() throws Exception {
        long id = http.conversation("Mallory", "+15550009999");
        String page = "<html><head><title>pwned</title></head><body><script>document.title = 'ran';"
                + " fetch('/_simulator/sink/stolen', {method: 'POST', body: document.cookie})</script></body></html>";
        upload(id, "invoice.html", "text/html", page);
        browser.get(sim.baseUrl() + Dashboard.PATH + "?admin_token=" + TOKEN + "#/conversations/" + id);
        By link = By.cssSelector("#messages .attachments a");
        // Read inside the wait: a live update may re-render the chat between finding the link and reading it.
        wait.until(ExpectedConditions.attributeToBe(link, "rel", "noreferrer noopener"));
        String dataUrl = wait.until(driver -> driver.findElement(link).getAttribute("href"));

        // Opened straight in the tab: a download, so the dashboard stays and nothing of the file runs.
        browser.get(dataUrl);
        assertThat(browser.getTitle()).isNotIn("pwned", "ran");
        browser.get(sim.baseUrl() + Dashboard.PATH);
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        assertThat(sim.sinks()).noneMatch(sink -> sink.name().equals("stolen"));
    }

    /** A message with one file, as an integration posts it (multipart {@code attachments[]}). */
    private void upload(long conversation, String fileName, String contentType, String content) throws Exception {
        String boundary = "exposure-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nsee attached\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments[]\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v1/accounts/1/conversations/"
                        + conversation + "/messages"))
                .header("api_access_token", sim.accessToken())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
