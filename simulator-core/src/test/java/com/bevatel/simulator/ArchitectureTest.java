package com.bevatel.simulator;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.bevatel.simulator.state.RowSet;
import com.bevatel.simulator.state.Store;
import com.bevatel.simulator.state.Table;
import com.bevatel.simulator.state.Transaction;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the core, as rules a change cannot break quietly: data flows request → route →
 * domain (in a transaction) → state, and out through views and the webhook dispatcher. A rule that
 * fails names itself and the offending dependency; fix the dependency, not the rule.
 */
class ArchitectureTest {
    private static final String ROOT = "com.bevatel.simulator";
    private static JavaClasses core;

    @BeforeAll
    static void importTheCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    private static void check(ArchRule rule) {
        rule.check(core);
    }

    @Test
    void noCyclesBetweenPackages() {
        check(slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
                .because("each package builds on the ones below it"));
    }

    @Test
    void theModelStandsAlone() {
        check(noClasses().that().resideInAPackage("..simulator.model..").should().dependOnClassesThat(
                        resideInAPackage(ROOT + "..").and(resideOutsideOfPackage("..simulator.model..")))
                .as("model depends on no other package of the simulator")
                .because("records are what every layer shares"));
    }

    @Test
    void theStoreKnowsNothingOfRequestsRulesOrViews() {
        check(noClasses().that().resideInAPackage("..simulator.state..").should().dependOnClassesThat()
                .resideInAnyPackage("..simulator.domain..", "..simulator.route..", "..simulator.http..",
                        "..simulator.view..", "..simulator.webhook..", "..simulator.fixture..")
                .because("state holds rows and transactions; meaning lives above it"));
    }

    @Test
    void theDomainKnowsNothingOfHttpRoutesOrViews() {
        check(noClasses().that().resideInAPackage("..simulator.domain..").should().dependOnClassesThat()
                .resideInAnyPackage("..simulator.http..", "..simulator.route..", "..simulator.view..",
                        "..simulator.webhook..", "..simulator.fixture..")
                .because("domain operations are Chatwoot's rules, called alike by routes, the dashboard agent and fixtures"));
    }

    @Test
    void viewsNeverChangeAnything() {
        check(noClasses().that().resideInAPackage("..simulator.view..").should()
                .dependOnClassesThat().areAssignableTo(Transaction.class)
                .orShould().callMethod(Store.class, "write", java.util.function.Function.class)
                .orShould().callMethod(Table.class, "put", Object.class)
                .orShould().callMethod(Table.class, "remove", long.class)
                .orShould().callMethod(RowSet.class, "put", Object.class)
                .orShould().callMethod(RowSet.class, "remove", Object.class)
                .because("a view renders what is stored; changes go through domain operations in a transaction"));
    }

    @Test
    void routesChangeRowsOnlyThroughTheDomain() {
        check(noClasses().that().resideInAPackage("..simulator.route..").should()
                .callMethod(Table.class, "put", Object.class)
                .orShould().callMethod(Table.class, "remove", long.class)
                .orShould().callMethod(RowSet.class, "put", Object.class)
                .orShould().callMethod(RowSet.class, "remove", Object.class)
                .because("a route reads the request and answers; what a write does is a domain operation"));
    }

    @Test
    void theHttpPlumbingKnowsNoRoute() {
        check(noClasses().that().resideInAPackage("..simulator.http..").should().dependOnClassesThat()
                .resideInAnyPackage("..simulator.route..", "..simulator.view..", "..simulator.webhook..")
                .because("http is the server and its request handling; routes register on it, not the other way round"));
    }

    @Test
    void onlyTheFacadeAssemblesTheSimulator() {
        check(noClasses().that().resideOutsideOfPackage(ROOT).should().dependOnClassesThat()
                .haveFullyQualifiedName(ROOT + ".BevatelSimulator")
                .because("packages below the facade are wired by it and must not reach back up"));
    }
}
