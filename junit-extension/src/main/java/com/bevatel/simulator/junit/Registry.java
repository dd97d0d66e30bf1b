package com.bevatel.simulator.junit;

import java.lang.reflect.Parameter;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
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

    /** Several simulators and a parameter that does not say which: stop, and say how to fix it. */
    static void requireQualifierIfAmbiguous(Parameter parameter, ExtensionContext context) {
        if (!Injectable.supports(parameter.getType()) || parameter.isAnnotationPresent(Simulator.class)) {
            return;
        }
        Registry registry = of(context);
        if (registry.size() > 1) {
            throw new ExtensionConfigurationException(describe(parameter) + ": " + registry.size()
                    + " simulators are registered (" + String.join(", ", registry.names())
                    + "); say which one with @Simulator(\"" + registry.names().iterator().next() + "\")");
        }
    }

    private static String describe(Parameter parameter) {
        return "Parameter " + parameter.getName() + " (" + parameter.getType().getSimpleName() + ") of "
                + parameter.getDeclaringExecutable().getDeclaringClass().getSimpleName() + "."
                + parameter.getDeclaringExecutable().getName();
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
