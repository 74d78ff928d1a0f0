package org.probono.clearinghouse.testkit;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import org.probono.clearinghouse.json.Json;

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

    /**
     * JSON goes through the one binder ({@link Json}, jackson-jr): no code of a function or of shared uses Jackson
     * databind, whose set-up alone took a quarter of a cold start (docs/performance.md). The one exception is the
     * impact report's CSV writer, Jackson's CSV module, on the monthly report's path only.
     */
    public static ArchRule usesNoDatabind() {
        return noClasses()
                .that()
                .doNotHaveFullyQualifiedName(ROOT + ".notify.mail.ImpactCsv")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson.databind..", "com.fasterxml.jackson.datatype..")
                .because("one JSON binder, jackson-jr, keeps databind's set-up off every cold start");
    }

    /**
     * Every record carries only the java.time types the one binder reads and writes ({@link Json#TIME_TYPES}):
     * jackson-jr would write another as a bean of its getters, so {@code Json} refuses it, and that would fail only
     * when a request first carried one. Record components are checked with their type arguments ({@code
     * List<LocalDate>}).
     */
    public static ArchRule recordsCarryOnlyTimeTypesJsonKnows() {
        return classes()
                .that(new DescribedPredicate<JavaClass>("are records") {
                    @Override
                    public boolean test(JavaClass javaClass) {
                        return javaClass.isRecord();
                    }
                })
                .should(new ArchCondition<JavaClass>("carry only the java.time types Json reads and writes") {
                    @Override
                    public void check(JavaClass record, ConditionEvents events) {
                        for (RecordComponent component : record.reflect().getRecordComponents()) {
                            for (Class<?> time : timeTypesIn(component.getGenericType())) {
                                if (!Json.TIME_TYPES.contains(time))
                                    events.add(SimpleConditionEvent.violated(
                                            record,
                                            record.getName() + "." + component.getName() + " carries "
                                                    + time.getSimpleName() + ", which Json.TIME_TYPES lacks"));
                            }
                        }
                    }
                });
    }

    private static List<Class<?>> timeTypesIn(Type type) {
        List<Class<?>> found = new ArrayList<>();
        if (type instanceof Class<?> raw) {
            if (raw.isArray()) return timeTypesIn(raw.getComponentType());
            if (raw.getPackageName().equals("java.time")) found.add(raw);
        } else if (type instanceof ParameterizedType parameterized) {
            found.addAll(timeTypesIn(parameterized.getRawType()));
            for (Type argument : parameterized.getActualTypeArguments()) found.addAll(timeTypesIn(argument));
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) found.addAll(timeTypesIn(bound));
        } else if (type instanceof GenericArrayType array) {
            found.addAll(timeTypesIn(array.getGenericComponentType()));
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) found.addAll(timeTypesIn(bound));
        }
        return found;
    }
}
