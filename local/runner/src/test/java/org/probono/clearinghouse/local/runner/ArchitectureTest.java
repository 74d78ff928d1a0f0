package org.probono.clearinghouse.local.runner;

import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.testkit.Layers;

/** The runner hosts the functions as Lambda does: by the handler names template.yaml gives, never by their classes. */
class ArchitectureTest {
    @Test
    void the_runner_uses_no_function_class() {
        Layers.usesNoFunction().check(Layers.mainClasses(Layers.ROOT + ".local.runner"));
    }
}
