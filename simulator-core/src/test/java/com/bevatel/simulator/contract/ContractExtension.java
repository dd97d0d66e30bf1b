package com.bevatel.simulator.contract;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test during which a response broke the wire contract, naming the route, the schema and
 * the JSON path. Registered for every test of this module by JUnit's extension auto-detection
 * ({@code junit-platform.properties}, {@code META-INF/services/org.junit.jupiter.api.extension.Extension}),
 * so no test has to ask for it. Violations from class set-up ({@code @BeforeAll}) fail the class's
 * first test; those from {@code @AfterAll} fail the class.
 */
public final class ContractExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        report(ContractViolations.drain(), "before " + context.getDisplayName() + " started (after the previous class ended)");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        report(ContractViolations.drain(), "during class set-up, before " + context.getDisplayName());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        report(ContractViolations.drain(), "during " + context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        report(ContractViolations.drain(), "during the tear-down of " + context.getDisplayName());
    }

    private static void report(List<Violation> violations, String when) {
        if (violations.isEmpty()) {
            return;
        }
        throw new AssertionError(violations.size() + " wire-contract violation" + (violations.size() == 1 ? "" : "s")
                + " (contract/responses.txt, contract/schemas/) " + when + ":\n  "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
    }
}
