package com.bevatel.simulator.fault;

import com.bevatel.simulator.seed.SeededRandom;
import java.util.regex.Pattern;

/** An injected {@link Fault} as it stands: its id, how many requests it affected and has left. */
public final class FaultRule {
    private final long id;
    private final Fault fault;
    private final Pattern path;
    private final SeededRandom draws;
    private long applied;

    FaultRule(long id, Fault fault, long simulatorSeed) {
        this.id = id;
        this.fault = fault;
        this.path = glob(fault.path());
        this.draws = new SeededRandom(fault.seed() != null ? fault.seed() : simulatorSeed ^ (id * 0x9E3779B97F4A7C15L));
    }

    public long id() {
        return id;
    }

    public Fault fault() {
        return fault;
    }

    /** Requests affected so far. */
    public synchronized long applied() {
        return applied;
    }

    /** Requests it will still affect; null when unlimited. */
    public synchronized Long remaining() {
        return fault.times() == null ? null : fault.times() - applied;
    }

    boolean matches(String method, String requestPath) {
        return ("*".equals(fault.method()) || fault.method().equals(method)) && path.matcher(requestPath).matches();
    }

    /** Whether this matching request is affected: counts it down and draws its chance. */
    synchronized boolean fire() {
        if (fault.times() != null && applied >= fault.times()) {
            return false;
        }
        if (fault.probability() < 1 && (draws.nextLong() >>> 11) * 0x1.0p-53 >= fault.probability()) {
            return false;
        }
        applied++;
        return true;
    }

    /** {@code *} within a segment, {@code **} across segments, everything else literal. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        int literalStart = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) != '*') {
                continue;
            }
            if (i > literalStart) {
                regex.append(Pattern.quote(pattern.substring(literalStart, i)));
            }
            boolean across = i + 1 < pattern.length() && pattern.charAt(i + 1) == '*';
            regex.append(across ? ".*" : "[^/]*");
            i += across ? 1 : 0;
            literalStart = i + 1;
        }
        if (literalStart < pattern.length()) {
            regex.append(Pattern.quote(pattern.substring(literalStart)));
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return "FaultRule#" + id + "[" + fault + ", applied " + applied() + "]";
    }
}
