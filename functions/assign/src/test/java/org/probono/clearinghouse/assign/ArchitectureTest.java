package org.probono.clearinghouse.assign;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.testkit.Layers;

/** AssignFunction's layers: use cases free of infrastructure, a handler that never touches the store, no other function. */
class ArchitectureTest {
    private static final JavaClasses ASSIGN = Layers.mainClasses(Layers.ROOT + ".assign");

    @Test
    void the_use_cases_are_free_of_infrastructure() {
        Layers.rulesAreFreeOfInfrastructure().check(ASSIGN);
    }

    @Test
    void the_handler_does_not_use_the_store() {
        Layers.handlersDoNotUseTheStore().check(ASSIGN);
    }

    @Test
    void assign_uses_no_other_function() {
        Layers.usesNoOtherFunction("assign").check(ASSIGN);
    }
}
