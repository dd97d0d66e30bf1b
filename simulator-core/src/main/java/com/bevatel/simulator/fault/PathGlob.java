package com.bevatel.simulator.fault;

import java.util.BitSet;

/**
 * A fault rule's path pattern: {@code *} matches within one path segment, {@code **} across segments,
 * everything else is literal. Matched by walking all positions of the pattern at once (a set of
 * states per path character), so a match costs at most path length × pattern length steps whatever
 * the pattern: a regex made from {@code /**}{@code /**}…{@code !} backtracked for seconds per request.
 */
final class PathGlob {
    /** Longest accepted pattern, which bounds the cost of a match. */
    static final int MAX_LENGTH = 1024;
    private static final char ONE_SEGMENT = '\u0001';
    private static final char ANY = '\u0002';

    /** The pattern as tokens: a literal character, {@link #ONE_SEGMENT} or {@link #ANY}. */
    private final char[] tokens;

    private PathGlob(char[] tokens) {
        this.tokens = tokens;
    }

    static PathGlob compile(String pattern) {
        if (pattern.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a path pattern has at most " + MAX_LENGTH + " characters");
        }
        StringBuilder tokens = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == ONE_SEGMENT || c == ANY) {
                throw new IllegalArgumentException("a path pattern has no control characters");
            }
            if (c != '*') {
                tokens.append(c);
            } else if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                // Runs of stars collapse: *** and **** match what ** matches.
                while (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    i++;
                }
                appendWildcard(tokens, ANY);
            } else {
                appendWildcard(tokens, ONE_SEGMENT);
            }
        }
        return new PathGlob(tokens.toString().toCharArray());
    }

    /** {@code **} next to another wildcard is the same as {@code **} alone; keeping one keeps the state set small. */
    private static void appendWildcard(StringBuilder tokens, char wildcard) {
        int last = tokens.length() - 1;
        if (last >= 0 && (tokens.charAt(last) == ANY || tokens.charAt(last) == ONE_SEGMENT)) {
            if (wildcard == ANY) {
                tokens.setCharAt(last, ANY);
            }
            return;
        }
        tokens.append(wildcard);
    }

    boolean matches(String path) {
        int m = tokens.length;
        BitSet states = new BitSet(m + 1);
        states.set(0);
        closeOverWildcards(states);
        BitSet next = new BitSet(m + 1);
        for (int p = 0; p < path.length() && !states.isEmpty(); p++) {
            char c = path.charAt(p);
            next.clear();
            for (int i = states.nextSetBit(0); i >= 0 && i < m; i = states.nextSetBit(i + 1)) {
                char token = tokens[i];
                if (token == ANY || (token == ONE_SEGMENT && c != '/')) {
                    next.set(i); // the wildcard takes this character and may take more
                } else if (token == c) {
                    next.set(i + 1);
                }
            }
            closeOverWildcards(next);
            BitSet swap = states;
            states = next;
            next = swap;
        }
        return states.get(m);
    }

    /** A wildcard may also match nothing: whoever stands before one may stand after it. */
    private void closeOverWildcards(BitSet states) {
        for (int i = states.nextSetBit(0); i >= 0 && i < tokens.length; i = states.nextSetBit(i + 1)) {
            if (tokens[i] == ANY || tokens[i] == ONE_SEGMENT) {
                states.set(i + 1);
            }
        }
    }
}
