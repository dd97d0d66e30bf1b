package com.bevatel.simulator.fault;

import com.bevatel.simulator.seed.SeededRandom;

/** An injected {@link Fault} as it stands: its id, how many requests it affected and has left. */
public final class FaultRule {
    private final long id;
    private final Fault fault;
    private final PathGlob path;
    private final SeededRandom draws;
    private long applied;

    FaultRule(long id, Fault fault, long simulatorSeed) {
        this.id = id;
        this.fault = fault;
        this.path = PathGlob.compile(fault.path());
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
        return ("*".equals(fault.method()) || fault.method().equals(method)) && path.matches(requestPath);
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

    @Override
    public String toString() {
        return "FaultRule#" + id + "[" + fault + ", applied " + applied() + "]";
    }
}
