package com.bevatel.simulator.junit;

import com.bevatel.simulator.BevatelSimulator;
import com.bevatel.simulator.webhook.WebhookJournal;
import java.net.URI;

/** The types the extension injects, and how each is taken from a simulator. */
final class Injectable {
    private Injectable() {
    }

    static boolean supports(Class<?> type) {
        return type == BevatelSimulator.class || type == WebhookJournal.class || type == URI.class;
    }

    static Object value(Class<?> type, BevatelSimulator simulator) {
        if (type == URI.class) {
            return simulator.baseUrl();
        }
        if (type == WebhookJournal.class) {
            return simulator.webhooks();
        }
        return simulator;
    }
}
