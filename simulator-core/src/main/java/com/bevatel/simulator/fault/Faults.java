package com.bevatel.simulator.fault;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The faults injected into a simulator's API ({@code sim.faults()}): the rules, checked in the
 * order they were added (the first that fires wins), and the log of every request they affected.
 * {@link #reset()} returns to the rules the simulator was configured with (their counts and draws
 * starting over) and an empty log, as the simulator's own {@code reset()} does before each test, so a
 * fault one test injects never reaches the next. Thread-safe; with no rule, a request pays one
 * empty-list check.
 */
public final class Faults {
    public static final int LOG_CAPACITY = 10_000;

    private final long simulatorSeed;
    private final List<Fault> configured;
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final ArrayDeque<InjectedFault> log = new ArrayDeque<>();
    private long nextRuleId = 1;
    private long nextLogId = 1;

    public Faults(long simulatorSeed) {
        this(simulatorSeed, List.of());
    }

    /** With the rules the simulator starts with, and returns to on {@link #reset()}. */
    public Faults(long simulatorSeed, List<Fault> configured) {
        this.simulatorSeed = simulatorSeed;
        this.configured = List.copyOf(configured);
        reset();
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
     * Back to the configured start: the configured rules as new (ids from 1, nothing applied, the same
     * draws again), the log empty and its ids from 1 — so runs after a reset are as repeatable as the first.
     */
    public synchronized void reset() {
        if (configured.isEmpty() && rules.isEmpty() && log.isEmpty() && nextRuleId == 1 && nextLogId == 1) {
            return; // The common case in a test suite: nothing to undo, and reset() stays cheap.
        }
        rules.clear();
        log.clear();
        nextRuleId = 1;
        nextLogId = 1;
        configured.forEach(this::inject);
    }

    /** The rules that can still affect a request (not exhausted), oldest first. */
    public List<FaultRule> activeRules() {
        return rules.stream().filter(rule -> rule.remaining() == null || rule.remaining() > 0).toList();
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
