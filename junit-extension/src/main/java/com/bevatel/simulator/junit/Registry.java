package com.bevatel.simulator.junit;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The simulator names registered for a test class (and its @Nested classes), so an unqualified
 * parameter can fail fast, with advice, when it could mean more than one.
 */
final class Registry {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Registry.class);
    private final Set<String> names = new TreeSet<>();

    static Registry of(ExtensionContext context) {
        ExtensionContext top = context;
        while (top.getParent().isPresent() && top.getParent().get().getTestClass().isPresent()) {
            top = top.getParent().get();
        }
        return top.getStore(NAMESPACE).getOrComputeIfAbsent(Registry.class, type -> new Registry(), Registry.class);
    }

    synchronized void add(String name) {
        names.add(name);
    }

    synchronized int size() {
        return names.size();
    }

    synchronized Set<String> names() {
        return new TreeSet<>(names);
    }
}
