package com.bevatel.simulator.junit;

import com.bevatel.simulator.BevatelSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Just enough HTTP for the extension's tests: what an integrator's code would send. */
final class Api {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Api() {
    }

    static String post(BevatelSimulator sim, String path, String json) {
        return postAs(sim.accessToken(), sim, path, json);
    }

    /** A POST with someone else's token, e.g. an agent bot's. */
    static String postAs(String token, BevatelSimulator sim, String path, String json) {
        return send(token, HttpRequest.newBuilder(sim.baseUrl().resolve("/api/v1/accounts/1" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String get(BevatelSimulator sim, String path) {
        return send(sim.accessToken(), HttpRequest.newBuilder(sim.baseUrl().resolve("/api/v1/accounts/1" + path)).GET());
    }

    /** The status of a GET to {@code path} on the simulator's server (any path), without judging it. */
    static int status(BevatelSimulator sim, String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(sim.baseUrl().resolve(path)).header("api_access_token", sim.accessToken())
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a contact and returns its id as the simulator numbered it. */
    static long createContact(BevatelSimulator sim, String name) {
        String body = post(sim, "/contacts", "{\"name\":\"" + name + "\",\"identifier\":\"" + name + "\"}");
        String id = body.replaceAll("^\\{\"payload\":\\{\"contact\":\\{.*?\"id\":(\\d+),.*$", "$1");
        return Long.parseLong(id);
    }

    private static String send(String token, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.header("api_access_token", token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
