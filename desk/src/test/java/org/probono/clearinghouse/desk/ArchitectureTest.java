package org.probono.clearinghouse.desk;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The desk is the team's client of a deployed stack: it speaks to the functions only through Lambda's API. */
class ArchitectureTest {
    @Test
    void the_desk_uses_none_of_the_functions_or_shared_classes() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("org.probono.clearinghouse..")
                        .and(resideOutsideOfPackage("org.probono.clearinghouse.desk..")))
                .because("the desk invokes the functions as the SAM CLI does, so it works against any deployed version")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.probono.clearinghouse.desk"));
    }
}
