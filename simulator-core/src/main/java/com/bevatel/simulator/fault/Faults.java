package com.bevatel.simulator.fault;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;

/**
 * The faults injected into a simulator's API ({@code sim.faults()}): the rules, checked in the
 * order they were added (the first that fires wins), and the log of every request they affected.
 * {@link #reset()} returns to the rules the simulator was configured with (their counts and draws
 * starting over) and an empty log, as the simulator's own {@code reset()} does before each test, so a
 * fault one test injects never reaches the next. Thread-safe; with no rule, a request pays one
 * empty-list check.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1.0")
public final class Faults {
    /** How many affected requests the log keeps; older ones are dropped. */
    public static final int LOG_CAPACITY = 10_000;

    private final long simulatorSeed;
    private final List<Fault> configured;
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final ArrayDeque<InjectedFault> log = new ArrayDeque<>();
    private long nextRuleId = 1;
    private long nextLogId = 1;

    /**
     * No rules. Internal: a simulator makes its own.
     *
     * @param simulatorSeed seeds the draws of rules without a seed of their own
     */
    @API(status = INTERNAL)
    public Faults(long simulatorSeed) {
        this(simulatorSeed, List.of());
    }

    /**
     * With the rules the simulator starts with, and returns to on {@link #reset()}. Internal: a
     * simulator makes its own.
     *
     * @param simulatorSeed seeds the draws of rules without a seed of their own
     * @param configured the builder's faults, injected in this order
     */
    @API(status = INTERNAL)
    public Faults(long simulatorSeed, List<Fault> configured) {
        this.simulatorSeed = simulatorSeed;
        this.configured = List.copyOf(configured);
        reset();
    }

    /**
     * Adds a rule, tried after those already there.
     *
     * @param fault what to do, and to which requests
     * @return the rule, with its id and counts
     */
    public synchronized FaultRule inject(Fault fault) {
        FaultRule rule = new FaultRule(nextRuleId++, fault, simulatorSeed);
        rules.add(rule);
        return rule;
    }

    /**
     * Every rule, exhausted ones included, oldest first.
     *
     * @return a copy, in the order they are tried
     */
    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    /**
     * Removes a rule.
     *
     * @param ruleId its {@link FaultRule#id()}
     * @return whether there was such a rule
     */
    public boolean remove(long ruleId) {
        return rules.removeIf(rule -> rule.id() == ruleId);
    }

    /** Removes every rule; the log stays. */
    public void clear() {
        rules.clear();
    }

    /**
     * Every affected request still held (the last {@value #LOG_CAPACITY}), oldest first.
     *
     * @return a copy of the log
     */
    public List<InjectedFault> log() {
        return log(0);
    }

    /**
     * The affected requests logged after the entry {@code sinceId}, oldest first.
     *
     * @param sinceId an {@link InjectedFault#id()}; 0 for all
     * @return a copy of that part of the log
     */
    public synchronized List<InjectedFault> log(long sinceId) {
        List<InjectedFault> out = new ArrayList<>();
        for (InjectedFault entry : log) {
            if (entry.id() > sinceId) {
                out.add(entry);
            }
        }
        return out;
    }

    /** Empties the log; its ids go on counting. */
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

    /**
     * The rules that can still affect a request (not exhausted), oldest first.
     *
     * @return a copy, in the order they are tried
     */
    public List<FaultRule> activeRules() {
        return rules.stream().filter(rule -> rule.remaining() == null || rule.remaining() > 0).toList();
    }

    /**
     * For the request path: the rule that fires for this request, already logged, or null. Rules
     * are tried in order; a rule whose chance does not come up lets the next one try. Internal: the
     * simulator's server calls it.
     *
     * @param method the request's method
     * @param path the request's path
     * @return the rule that fired, or null
     */
    @API(status = INTERNAL)
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
