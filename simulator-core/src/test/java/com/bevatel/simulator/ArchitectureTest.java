package com.bevatel.simulator;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.bevatel.simulator.state.RowSet;
import com.bevatel.simulator.state.Store;
import com.bevatel.simulator.state.Table;
import com.bevatel.simulator.state.Transaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the core, as rules a change cannot break quietly: data flows request → route →
 * domain (in a transaction) → state, and out through views and the webhook dispatcher; and what users
 * may touch is marked {@code @API} and hands out nothing internal. A rule that fails names itself and
 * the offending dependency; fix the dependency, not the rule.
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
    void recordsHoldNoMutableJson() {
        check(noFields()
                .that().areDeclaredInClassesThat().resideInAPackage("..simulator.model..")
                .and().areDeclaredInClassesThat().doNotHaveSimpleName("JsonBag")
                .should().haveRawType(JsonNode.class).orShould().haveRawType(ObjectNode.class)
                .orShould().haveRawType(ArrayNode.class)
                .as("model records hold JSON as JsonBag, never as a Jackson tree")
                .because("a stored record is a value: a tree handed out could be changed under the store"));
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

    @Test
    void everyPublicTypeSaysWhetherItIsApi() {
        check(EVERY_PUBLIC_TYPE_HAS_A_STATUS);
    }

    @Test
    void theApiHandsOutNothingInternal() {
        check(THE_API_HANDS_OUT_NOTHING_INTERNAL);
    }

    @Test
    void theApiRulesCatchWhatTheyAreFor() {
        List<Class<?>> exampleTypes = new ArrayList<>(List.of(ApiRuleExamples.class.getDeclaredClasses()));
        exampleTypes.add(ApiRuleExamples.class);
        JavaClasses examples = new ClassFileImporter().importClasses(exampleTypes);
        assertThat(EVERY_PUBLIC_TYPE_HAS_A_STATUS.evaluate(examples).getFailureReport().getDetails())
                .as("ApiRuleExamples itself carries no @API").singleElement().asString()
                .contains(ApiRuleExamples.class.getName() + " is public and has no @API status");
        assertThat(THE_API_HANDS_OUT_NOTHING_INTERNAL.evaluate(examples).getFailureReport().getDetails())
                .hasSize(4)
                .anySatisfy(line -> assertThat(line).contains("LeakingByReturn.hidden()").contains("Hidden"))
                .anySatisfy(line -> assertThat(line).contains("LeakingByParameter.take(java.util.List)")
                        .contains("Hidden"))
                .anySatisfy(line -> assertThat(line).contains("LeakingByField.hidden").contains("Hidden"))
                .anySatisfy(line -> assertThat(line).contains("LeakingBySupertype extends or implements the internal"))
                .noneSatisfy(line -> assertThat(line).contains("MarkedMember"))
                .noneSatisfy(line -> assertThat(line).contains("InternalOnly"));
    }

    @Test
    void javadocDocumentsThePublicApi() throws IOException {
        // The release profile's javadoc jar is made from the sources this POM lists: exactly the API types.
        String pom = Files.readString(Path.of("pom.xml"));
        String copied = pom.substring(pom.indexOf("<id>public-api-sources</id>"));
        copied = copied.substring(0, copied.indexOf("</includes>"));
        Set<String> listed = new TreeSet<>();
        Matcher include = Pattern.compile("<include>([^<]+)</include>").matcher(copied);
        while (include.find()) {
            listed.add(include.group(1));
        }
        Set<String> api = new TreeSet<>();
        for (JavaClass type : core) {
            if (type.isTopLevelClass() && isVisible(type) && status(type).isPresent() && !isInternal(type)) {
                api.add(type.getName().replace('.', '/') + ".java");
            }
        }
        assertThat(listed).as("the public-api-sources includes in simulator-core/pom.xml").isNotEmpty().isEqualTo(api);
    }

    /**
     * Whether a type is internal or API: its own {@code @API}, else that of the type it is nested in,
     * else its package's ({@code package-info.java}); empty when none says.
     */
    private static Optional<API.Status> status(JavaClass type) {
        for (Optional<JavaClass> at = Optional.of(type); at.isPresent(); at = at.get().getEnclosingClass()) {
            Optional<API> api = at.get().tryGetAnnotationOfType(API.class);
            if (api.isPresent()) {
                return Optional.of(api.get().status());
            }
        }
        return type.getPackage().tryGetAnnotationOfType(API.class).map(API::status);
    }

    private static boolean isInternal(JavaClass type) {
        return status(type).filter(INTERNAL::equals).isPresent();
    }

    /** Public, and nested only in public types: a user can name it. */
    private static boolean isVisible(JavaClass type) {
        for (Optional<JavaClass> at = Optional.of(type); at.isPresent(); at = at.get().getEnclosingClass()) {
            if (!at.get().getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static final ArchRule EVERY_PUBLIC_TYPE_HAS_A_STATUS = classes().that().arePublic().and().areTopLevelClasses()
            .should(new ArchCondition<>("carry @API, on the type or on its package") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    if (status(type).isEmpty()) {
                        events.add(SimpleConditionEvent.violated(type,
                                type.getName() + " is public and has no @API status"));
                    }
                }
            })
            .because("a user must be able to tell what they may rely on (STABLE, EXPERIMENTAL) from what may change"
                    + " without notice (INTERNAL)");

    private static final ArchRule THE_API_HANDS_OUT_NOTHING_INTERNAL = classes()
            .that(DescribedPredicate.describe("are visible API types (an @API status other than INTERNAL)",
                    type -> isVisible(type) && status(type).isPresent() && !isInternal(type)))
            .should(new ArchCondition<>("name no @API(status = INTERNAL) type in a supertype or in a public or protected"
                    + " member that is not itself marked INTERNAL") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    List<JavaType> supertypes = new ArrayList<>(type.getInterfaces());
                    type.getSuperclass().ifPresent(supertypes::add);
                    for (JavaType supertype : supertypes) {
                        for (JavaClass named : supertype.getAllInvolvedRawTypes()) {
                            if (isInternal(named)) {
                                events.add(SimpleConditionEvent.violated(type, type.getName()
                                        + " extends or implements the internal " + named.getName()));
                            }
                        }
                    }
                    for (JavaMember member : type.getMembers()) {
                        if (!exposed(member) || markedInternal(member)) {
                            continue;
                        }
                        for (JavaClass named : namedIn(member)) {
                            if (isInternal(named)) {
                                events.add(SimpleConditionEvent.violated(member, member.getFullName()
                                        + " hands out the internal " + named.getName()
                                        + " (mark the member @API(status = INTERNAL), or make the type API)"));
                            }
                        }
                    }
                }
            })
            .because("a user who holds an internal type through the API depends on what may change without notice");

    /** Public or protected, and written in the source (not a compiler's bridge or synthetic member). */
    private static boolean exposed(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
                && !modifiers.contains(JavaModifier.SYNTHETIC) && !modifiers.contains(JavaModifier.BRIDGE);
    }

    private static boolean markedInternal(JavaMember member) {
        return member.tryGetAnnotationOfType(API.class).map(API::status).filter(INTERNAL::equals).isPresent();
    }

    /** Every type a member's signature names: field type; return, parameter and thrown types; their type arguments. */
    private static List<JavaClass> namedIn(JavaMember member) {
        List<JavaClass> named = new ArrayList<>();
        if (member instanceof JavaField field) {
            named.addAll(field.getType().getAllInvolvedRawTypes());
        } else if (member instanceof JavaCodeUnit code) {
            named.addAll(code.getReturnType().getAllInvolvedRawTypes());
            code.getParameterTypes().forEach(parameter -> named.addAll(parameter.getAllInvolvedRawTypes()));
            named.addAll(code.getExceptionTypes());
        }
        return named;
    }
}
