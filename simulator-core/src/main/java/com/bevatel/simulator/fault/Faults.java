package com.bevatel.simulator.fault;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The faults injected into a simulator's API ({@code sim.faults()}): the rules, checked in the
 * order they were added (the first that fires wins), and the log of every request they affected.
 * Rules and log survive {@code reset()}; remove them with {@link #clear()} and {@link #clearLog()}.
 * Thread-safe; with no rule, a request pays one empty-list check.
 */
public final class Faults {
    public static final int LOG_CAPACITY = 10_000;

    private final long simulatorSeed;
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final ArrayDeque<InjectedFault> log = new ArrayDeque<>();
    private long nextRuleId = 1;
    private long nextLogId = 1;

    public Faults(long simulatorSeed) {
        this.simulatorSeed = simulatorSeed;
    }

    public synchronized FaultRule inject(Fault fault) {
        FaultRule rule = new FaultRule(nextRuleId++, fault, simulatorSeed);
        rules.add(rule);
        return rule;
    }

    /** Every rule, exhausted ones included, oldest first. */
    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    public boolean remove(long ruleId) {
        return rules.removeIf(rule -> rule.id() == ruleId);
    }

    public void clear() {
        rules.clear();
    }

    /** Every affected request still held (the last {@value #LOG_CAPACITY}), oldest first. */
    public List<InjectedFault> log() {
        return log(0);
    }

    /** The affected requests logged after the entry {@code sinceId}. */
    public synchronized List<InjectedFault> log(long sinceId) {
        List<InjectedFault> out = new ArrayList<>();
        for (InjectedFault entry : log) {
            if (entry.id() > sinceId) {
                out.add(entry);
            }
        }
        return out;
    }

    public synchronized void clearLog() {
        log.clear();
    }

    /**
     * For the request path: the rule that fires for this request, already logged, or null. Rules
     * are tried in order; a rule whose chance does not come up lets the next one try.
     */
    public FaultRule decide(String method, String path) {
        if (rules.isEmpty()) {
            return null;
        }
        for (FaultRule rule : rules) {
            if (rule.matches(method, path) && rule.fire()) {
                record(rule, method, path);
                return rule;
            }
        }
        return null;
    }

    private synchronized void record(FaultRule rule, String method, String path) {
        Fault fault = rule.fault();
        if (log.size() == LOG_CAPACITY) {
            log.removeFirst();
        }
        log.addLast(new InjectedFault(nextLogId++, rule.id(), method, path, fault.kind(),
                fault.kind() == Fault.Kind.RESPOND ? fault.status() : null, fault.delay().toMillis(), Instant.now()));
    }
}
