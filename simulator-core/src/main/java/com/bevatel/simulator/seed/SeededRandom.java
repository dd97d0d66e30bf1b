package com.bevatel.simulator.seed;

import java.util.UUID;

/**
 * The one source of randomness for wire data: SplitMix64, whose whole state is one {@code long},
 * so a rejected write can restore it and the same seed always yields the same uuids and tokens.
 * Not thread-safe: callers hold the store's write lock.
 */
public final class SeededRandom {
    /** Chatwoot's token alphabet: base58, without 0, O, I and l. */
    private static final char[] BASE58 =
            "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();

    private long state;

    public SeededRandom(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A random (version 4, IETF variant) UUID, lower-case with hyphens as Chatwoot renders it. */
    public String uuid() {
        long most = (nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long least = (nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /** A 24-character base58 token, like Rails' {@code has_secure_token}. */
    public String token() {
        char[] out = new char[24];
        for (int i = 0; i < out.length; i++) {
            out[i] = BASE58[(int) Long.remainderUnsigned(nextLong(), BASE58.length)];
        }
        return new String(out);
    }

    public long snapshot() {
        return state;
    }

    public void restore(long snapshot) {
        this.state = snapshot;
    }
}
