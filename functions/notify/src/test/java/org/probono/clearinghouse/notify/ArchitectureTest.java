package org.probono.clearinghouse.notify;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.testkit.Layers;

/** NotifyFunction's layers (docs/architecture.md), checked on its main classes. */
class ArchitectureTest {
    private static final JavaClasses NOTIFY = Layers.mainClasses("org.probono.clearinghouse.notify");

    @Test
    void its_use_cases_see_only_ports_and_domain_records() {
        Layers.rulesAreFreeOfInfrastructure().check(NOTIFY);
    }

    @Test
    void its_handler_never_touches_the_store() {
        Layers.handlersDoNotUseTheStore().check(NOTIFY);
    }

    @Test
    void it_uses_no_other_function() {
        Layers.usesNoOtherFunction("notify").check(NOTIFY);
    }
}
