package org.probono.clearinghouse.testkit;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layer rules every module's ArchitectureTest checks (docs/architecture.md draws them). A function is
 * {@code handler} (events in, responses out) over {@code app} (its use cases, which see only ports and
 * domain records) over {@code store}/{@code mail} (the ports' implementations on AWS). Shared code follows
 * the same split: {@code domain} and {@code matters} are rules, {@code store} and {@code crypto} talk to AWS.
 */
public final class Layers {
    public static final String ROOT = "org.probono.clearinghouse";
    /** The packages of the four Lambda functions; none may use another's. */
    public static final List<String> FUNCTIONS = List.of("register", "submit", "assign", "notify");

    private Layers() {}

    /** The main classes of the module under {@code root} (tests and jars excluded). */
    public static JavaClasses mainClasses(String root) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(root);
    }

    /**
     * Rules and use cases ({@code domain}, {@code matters}, any {@code app}) know nothing of AWS, storage or
     * transport: not directly, and not through our own AWS-backed classes either (the clients in {@code aws},
     * KMS's {@code ConfidentialBox}, whose ports {@code ConfidentialDetails} and {@code TokenSealer} they use
     * instead, or a function's {@code wiring}).
     */
    public static ArchRule rulesAreFreeOfInfrastructure() {
        return noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".domain..", ROOT + ".matters..", ROOT + ".impact..", "..app..")
                .should()
                .dependOnClassesThat(resideInAnyPackage(
                                "software.amazon..",
                                "com.amazonaws..",
                                "..store..",
                                "..http..",
                                "..handler..",
                                "..wiring..",
                                ROOT + ".aws..")
                        .or(name(ROOT + ".crypto.ConfidentialBox")))
                .because("use cases decide through ports; storage, AWS and transport live behind them");
    }

    /** Handlers read events and call use cases; the storage behind the ports is wired, never used, by them. */
    public static ArchRule handlersDoNotUseTheStore() {
        return noClasses()
                .that()
                .resideInAPackage("..handler..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..store..")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("software.amazon.awssdk.services.dynamodb..", "software.amazon.awssdk.enhanced..")
                .because("a handler talks to the app layer; the wiring is the one place that builds the stores");
    }

    /** Shared code, the local runner and the tools serve the functions and use none of their classes. */
    public static ArchRule usesNoFunction() {
        return usesNoOtherFunction("none");
    }

    /** The function under {@code function} uses no other function's classes. */
    public static ArchRule usesNoOtherFunction(String function) {
        String[] others = FUNCTIONS.stream()
                .filter(other -> !other.equals(function))
                .map(other -> ROOT + "." + other + "..")
                .toArray(String[]::new);
        return noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("each function is deployed on its own; what they share lives in shared");
    }
}
