package com.bevatel.simulator;

import com.bevatel.simulator.http.Router;

/**
 * Adds routes to a simulator's server when it starts, with the simulator at hand (its store,
 * journal, clock). The standalone jar's admin API and dashboard are extensions; the core knows
 * nothing of them.
 */
@FunctionalInterface
public interface HttpExtension {
    void register(Router router, BevatelSimulator simulator);
}
