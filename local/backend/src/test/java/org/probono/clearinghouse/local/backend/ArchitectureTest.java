package org.probono.clearinghouse.local.backend;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The local backend is an AWS endpoint and nothing more: it knows none of the product's classes. */
class ArchitectureTest {
    @Test
    void the_backend_uses_none_of_the_products_classes() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("org.probono.clearinghouse..")
                        .and(resideOutsideOfPackage("org.probono.clearinghouse.local.backend..")))
                .because(
                        "tests and the local runner must meet AWS's behaviour, not ours (template.yaml is read as data)")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.probono.clearinghouse.local.backend"));
    }
}
