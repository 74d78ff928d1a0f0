package org.probono.clearinghouse.local.runner;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.testkit.Layers;

/** The runner hosts the functions as Lambda does: by the handler names template.yaml gives, never by their classes. */
class ArchitectureTest {
    private static final JavaClasses RUNNER = Layers.mainClasses(Layers.ROOT + ".local.runner");

    @Test
    void the_runner_uses_no_function_class() {
        Layers.usesNoFunction().check(RUNNER);
    }

    @Test
    void the_runners_records_carry_only_time_types_json_knows() {
        Layers.recordsCarryOnlyTimeTypesJsonKnows().check(RUNNER);
    }
}
