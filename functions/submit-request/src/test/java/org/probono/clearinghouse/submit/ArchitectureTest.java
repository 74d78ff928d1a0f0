package org.probono.clearinghouse.submit;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.testkit.Layers;

/** SubmitRequestFunction keeps the layers: use cases behind ports, handlers off the store, no other function used. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = Layers.mainClasses("org.probono.clearinghouse.submit");

    @Test
    void the_use_cases_know_nothing_of_aws_storage_or_http() {
        Layers.rulesAreFreeOfInfrastructure().check(CLASSES);
    }

    @Test
    void the_handlers_do_not_use_the_store() {
        Layers.handlersDoNotUseTheStore().check(CLASSES);
    }

    @Test
    void submit_uses_no_other_function() {
        Layers.usesNoOtherFunction("submit").check(CLASSES);
    }
}
