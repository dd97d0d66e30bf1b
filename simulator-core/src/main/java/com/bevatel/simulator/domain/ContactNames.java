package com.bevatel.simulator.domain;

import com.bevatel.simulator.state.Transaction;
import java.util.List;

/**
 * The name Chatwoot gives a Client API contact created without one: "adjective-noun-N" with N in
 * 0..999 (Haikunator with a token range of 1000). Drawn from the seeded generator, so a seed
 * always names its contacts the same way.
 */
final class ContactNames {
    private static final List<String> ADJECTIVES = List.of(
            "amber", "ancient", "autumn", "billowing", "bitter", "bold", "calm", "crimson", "damp", "dawn",
            "divine", "dry", "falling", "floral", "fragrant", "frosty", "gentle", "green", "hidden", "icy",
            "lingering", "little", "lively", "misty", "morning", "patient", "polished", "proud", "quiet",
            "restless", "silent", "snowy", "solitary", "sparkling", "spring", "still", "summer", "twilight",
            "wandering", "wild", "winter", "wispy");
    private static final List<String> NOUNS = List.of(
            "bird", "breeze", "brook", "butterfly", "cherry", "cloud", "dew", "dream", "feather", "field",
            "firefly", "flower", "fog", "forest", "frog", "frost", "glade", "grass", "haze", "hill", "lake",
            "leaf", "meadow", "moon", "mountain", "night", "paper", "pine", "pond", "rain", "river", "sea",
            "shadow", "sky", "smoke", "snow", "star", "sun", "sunset", "surf", "thunder", "water", "wave",
            "wind", "wood");
    private static final int TOKEN_RANGE = 1000;

    private ContactNames() {
    }

    static String generate(Transaction tx) {
        return ADJECTIVES.get(tx.randomInt(ADJECTIVES.size())) + "-" + NOUNS.get(tx.randomInt(NOUNS.size()))
                + "-" + tx.randomInt(TOKEN_RANGE);
    }
}
