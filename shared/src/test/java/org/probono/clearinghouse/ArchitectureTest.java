package org.probono.clearinghouse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.testkit.Layers;

/** Shared's rules ({@code domain}, {@code matters}, {@code impact}) know nothing of AWS, storage or transport. */
class ArchitectureTest {
    /** Shared's own main classes: the local backend on the test classpath is not shared's code. */
    private static final JavaClasses SHARED =
            Layers.mainClasses(Layers.ROOT).that(JavaClass.Predicates.resideOutsideOfPackage(Layers.ROOT + ".local.."));

    @Test
    void the_rules_are_free_of_infrastructure() {
        Layers.rulesAreFreeOfInfrastructure().check(SHARED);
    }

    @Test
    void shared_code_uses_no_function() {
        Layers.usesNoFunction().check(SHARED);
    }

    @Test
    void shared_code_reads_and_writes_json_only_with_the_one_binder() {
        Layers.usesNoDatabind().check(SHARED);
    }

    @Test
    void shared_records_carry_only_time_types_json_knows() {
        Layers.recordsCarryOnlyTimeTypesJsonKnows().check(SHARED);
    }
}
