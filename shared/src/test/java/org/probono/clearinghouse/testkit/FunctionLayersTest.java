package org.probono.clearinghouse.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The three layer rules of a Lambda function, its one JSON binder and the rule on its records' java.time types, checked on its main
 * classes: each function's {@code ArchitectureTest} extends this with its package name (docs/architecture.md
 * draws the layers).
 */
public abstract class FunctionLayersTest {
    /** One import per function and JVM: JUnit builds a test instance per test method. */
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final String function;

    /** {@code function} is the package under {@link Layers#ROOT}: register, submit, assign or notify. */
    protected FunctionLayersTest(String function) {
        this.function = function;
    }

    private JavaClasses classes() {
        return IMPORTED.computeIfAbsent(function, name -> Layers.mainClasses(Layers.ROOT + "." + name));
    }

    @Test
    void its_use_cases_see_only_ports_and_domain_records() {
        Layers.rulesAreFreeOfInfrastructure().check(classes());
    }

    @Test
    void its_handler_never_touches_the_store() {
        Layers.handlersDoNotUseTheStore().check(classes());
    }

    @Test
    void it_uses_no_other_function() {
        Layers.usesNoOtherFunction(function).check(classes());
    }

    @Test
    void it_reads_and_writes_json_only_with_the_one_binder() {
        Layers.usesNoDatabind().check(classes());
    }

    @Test
    void its_records_carry_only_time_types_json_knows() {
        Layers.recordsCarryOnlyTimeTypesJsonKnows().check(classes());
    }
}
