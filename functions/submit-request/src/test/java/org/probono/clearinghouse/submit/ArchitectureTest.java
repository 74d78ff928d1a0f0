package org.probono.clearinghouse.submit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.testkit.Layers;

/** SubmitRequestFunction keeps the layers: use cases behind ports, handlers off the store, no other function used. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = Layers.mainClasses("org.probono.clearinghouse.submit");

    /**
     * Withdrawal still edits a Transaction through the shared matters code; it moves onto the matters
     * ports on the matters branch (issue 12), and this exclusion goes when that is merged.
     */
    @Test
    void the_use_cases_know_nothing_of_aws_storage_or_http() {
        Layers.rulesAreFreeOfInfrastructure().check(CLASSES.that(not(simpleName("Withdrawal"))));
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
