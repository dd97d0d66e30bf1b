package com.bevatel.simulator.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.domain.IdentityHmac;
import org.junit.jupiter.api.Test;

/** The identity hash of app/controllers/public/api/v1/inboxes/contacts_controller.rb#valid_hmac?, without HTTP. */
class IdentityHmacTest {
    private static final String TOKEN = "gD7yJ3xH2pK9vQ4mN6bT1cLs";
    private static final String EXAMPLE_HASH = "a17e04cf32d1224f83de34f95cfd57d17585139a7da53ee60d148a4a366d2ccb";

    @Test
    void computesTheReferenceExample() {
        assertThat(IdentityHmac.hash(TOKEN, "user-42")).isEqualTo(EXAMPLE_HASH);
    }

    @Test
    void acceptsOnlyTheExactLowerCaseHash() {
        assertThat(IdentityHmac.matches(TOKEN, "user-42", EXAMPLE_HASH)).isTrue();
        assertThat(IdentityHmac.matches(TOKEN, "user-43", EXAMPLE_HASH)).isFalse();
        assertThat(IdentityHmac.matches(TOKEN, "user-42", EXAMPLE_HASH.toUpperCase())).isFalse();
        assertThat(IdentityHmac.matches(TOKEN, "user-42", EXAMPLE_HASH.substring(1))).isFalse();
        assertThat(IdentityHmac.matches(TOKEN, "user-42", EXAMPLE_HASH + "0")).isFalse();
        assertThat(IdentityHmac.matches(TOKEN, "user-42", null)).isFalse();
    }

    @Test
    void aMissingIdentifierIsHashedAsTheEmptyString() {
        assertThat(IdentityHmac.matches(TOKEN, null, IdentityHmac.hash(TOKEN, ""))).isTrue();
    }
}
