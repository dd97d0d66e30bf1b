package com.bevatel.simulator.fault;

import static org.apiguardian.api.API.Status.STABLE;

import com.bevatel.simulator.seed.SeededRandom;
import org.apiguardian.api.API;

/**
 * An injected {@link Fault} as it stands: its id, how many requests it affected and has left.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
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

    /**
     * The rule's id, for {@link Faults#remove(long)} and {@link InjectedFault#ruleId()}.
     *
     * @return 1 for the first rule, then counting up (from 1 again after a reset)
     */
    public long id() {
        return id;
    }

    /**
     * What the rule does, and to which requests.
     *
     * @return the fault as injected
     */
    public Fault fault() {
        return fault;
    }

    /**
     * Requests affected so far.
     *
     * @return the count, 0 at first
     */
    public synchronized long applied() {
        return applied;
    }

    /**
     * Requests it will still affect.
     *
     * @return the count left of {@link Fault#times()}; null when unlimited
     */
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
