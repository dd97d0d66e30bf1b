package com.bevatel.simulator.api.more;

import com.bevatel.simulator.Http;

/** One request of a test's route matrix: a method, a path and a JSON body (null: none). */
record Call(String method, String path, String body) {
    Http.Result by(Http client) {
        return client.send(method, path, body, body == null ? null : "application/json");
    }

    boolean read() {
        return method.equals("GET");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
