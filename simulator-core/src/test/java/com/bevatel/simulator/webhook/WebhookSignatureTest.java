package com.bevatel.simulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A worked example of lib/webhooks/trigger.rb's signature (verified with openssl), checked against our signer. */
class WebhookSignatureTest {
    @Test
    void referenceExampleVerifies() {
        String signature = WebhookSignature.sign("wA3kPq9Zs1Xv7Lm2Nb8Rt5Yc", 1787047300L,
                "{\"event\":\"message_created\",\"id\":555}");

        assertThat(signature).isEqualTo("sha256=60f7dcc5b800a0f286620aade3eb7cef5b3275e3728d35e21b4a8e552a7a7b5c");
    }

    @Test
    void independentHmacAgreesOnAnyBody() {
        String body = "{\"content\":\"caf\u00e9 \\u003c3\"}";
        assertThat(WebhookSignature.sign("secret", 42L, body))
                .isEqualTo(Signatures.expected("secret", "42", body))
                .isNotEqualTo(WebhookSignature.sign("secret", 43L, body));
    }
}
