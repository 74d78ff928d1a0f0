package org.probono.clearinghouse.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The layer rules can fail: each names the leak planted in the sample layers, and passes the clean classes. */
class LayersTest {
    private static final JavaClasses SAMPLE = new ClassFileImporter().importPackages(Layers.ROOT + ".layersample");

    @Test
    void a_use_case_that_reaches_into_the_store_breaks_the_rule_and_is_named() {
        EvaluationResult result = Layers.rulesAreFreeOfInfrastructure().evaluate(SAMPLE);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .allMatch(line -> line.contains("LeakyUseCase"))
                .anyMatch(line -> line.contains("SampleTable"))
                .anyMatch(line -> line.contains("ConfidentialBox"));
    }

    @Test
    void a_handler_that_talks_to_dynamodb_breaks_the_rule_and_is_named() {
        EvaluationResult result = Layers.handlersDoNotUseTheStore().evaluate(SAMPLE);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).allMatch(line -> line.contains("LeakyHandler"));
    }

    @Test
    void a_function_that_uses_another_breaks_its_rule_and_only_its_rule() {
        JavaClasses borrowing = new ClassFileImporter().importClasses(Borrower.class);

        assertThat(Layers.usesNoOtherFunction("submit").evaluate(borrowing).hasViolation())
                .isTrue();
        assertThat(Layers.usesNoOtherFunction("assign").evaluate(borrowing).hasViolation())
                .isFalse();
    }

    @Test
    void code_that_reads_json_with_databind_breaks_the_rule_and_is_named() {
        EvaluationResult result = Layers.usesNoDatabind()
                .evaluate(new ClassFileImporter().importClasses(DatabindReader.class, Meeting.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .isNotEmpty()
                .allMatch(line -> line.contains("DatabindReader"));
    }

    /** Reads a body with an ObjectMapper of its own, as main code must not. */
    static final class DatabindReader {
        Object read(String json) throws Exception {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        }
    }

    @Test
    void a_record_carrying_a_time_type_json_lacks_is_named_with_its_component() {
        EvaluationResult result = Layers.recordsCarryOnlyTimeTypesJsonKnows()
                .evaluate(new ClassFileImporter().importClasses(Meeting.class, Known.class, Bounded.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .hasSize(3)
                .anyMatch(line -> line.contains("Bounded.at carries OffsetDateTime"))
                .anyMatch(line -> line.contains("Meeting.startsAt carries LocalDateTime"))
                .anyMatch(line -> line.contains("Meeting.slots carries LocalTime"));
    }

    /** A record with java.time types the one binder does not read or write, one inside a type argument. */
    record Meeting(
            java.time.LocalDateTime startsAt, java.util.Map<String, java.util.List<java.time.LocalTime>> slots) {}

    /** A generic record whose type variable is bounded by a java.time type the binder lacks. */
    record Bounded<T extends java.time.OffsetDateTime>(T at) {}

    /** Only types the mapper knows, also nested: passes. */
    record Known(java.time.Instant at, java.util.List<java.time.LocalDate> days, java.time.Duration[] spans) {}

    /** Stands for a class of submit that uses assign's (the package name is what the rule reads). */
    static final class Borrower {
        Object borrowed() {
            return new org.probono.clearinghouse.assign.SampleOfAssign();
        }
    }
}
