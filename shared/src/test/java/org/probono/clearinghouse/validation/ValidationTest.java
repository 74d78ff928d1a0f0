package org.probono.clearinghouse.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Codes;
import org.probono.clearinghouse.http.Http;
import org.probono.clearinghouse.http.Response;
import org.probono.clearinghouse.testkit.TestJson;

class ValidationTest {
    private final Validation validation = new Validation();

    @Test
    void emails_are_trimmed_and_lower_cased() {
        assertThat(validation.email("email", "  Asha.Rao@Example.ORG ")).isEqualTo("asha.rao@example.org");
        assertThat(validation.isValid()).isTrue();
    }

    @Test
    void malformed_emails_are_field_errors() {
        for (String bad : List.of("no-at-sign", "a@b", "a@@b.org", "a b@c.org")) {
            Validation v = new Validation();
            assertThat(v.email("contact.email", bad)).as(bad).isNull();
            assertThat(v.errors()).as(bad).extracting(FieldError::field).containsExactly("contact.email");
        }
    }

    @Test
    void phones_must_be_international_and_lose_their_separators() {
        assertThat(validation.phone("phone", "+91 98300-12345")).isEqualTo("+919830012345");
        assertThat(validation.phone("phone", "09830012345")).isNull();
        assertThat(validation.errors())
                .extracting(FieldError::message)
                .containsExactly("must be in international form, starting with + and the country code");
    }

    @Test
    void every_bad_field_is_reported_at_once() {
        validation.text("name", " ", 1, 10);
        validation.enumValue("category", "TAX", Category.class);
        validation.code("jurisdiction", "IN-XX", Codes::isJurisdiction, "an ISO 3166-2 code");

        assertThatThrownBy(validation::throwIfInvalid).isInstanceOfSatisfying(InvalidInput.class, problem -> {
            assertThat(problem.errors())
                    .extracting(FieldError::field)
                    .containsExactly("name", "category", "jurisdiction");
            assertThat(problem.errors().get(1).message())
                    .startsWith("must be one of CONTRACT_REVIEW, CONTRACT_DRAFTING");
        });
    }

    @Test
    void invalid_input_is_answered_with_a_400_naming_every_field() throws Exception {
        validation.fail("name", "is required");
        validation.fail("phone", "must be in international form");
        APIGatewayV2HTTPEvent event =
                APIGatewayV2HTTPEvent.builder().withRouteKey("POST /things").build();

        APIGatewayV2HTTPResponse response = Http.respond(event, route -> {
            validation.throwIfInvalid();
            return Response.ok("never");
        });

        JsonNode body = TestJson.MAPPER.readTree(response.getBody());
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body.path("type").asText()).endsWith("/validation");
        assertThat(body.path("errors"))
                .extracting(error -> error.path("field").asText())
                .containsExactly("name", "phone");
    }

    @Test
    void text_length_counts_characters_not_bytes() {
        assertThat(validation.text("title", "मुक्ति", 1, 6)).isEqualTo("मुक्ति");
        assertThat(validation.isValid()).isTrue();
        assertThat(validation.text("title", "x".repeat(121), 1, 120)).isNull();
    }

    @Test
    void control_characters_are_refused_but_newlines_are_fine() {
        assertThat(validation.text("summary", "line one\nline two", 1, 100)).isEqualTo("line one\nline two");
        assertThat(validation.text("summary", "bell\u0007", 1, 100)).isNull();
    }

    @Test
    void a_deadline_must_be_a_future_iso_instant() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        assertThat(validation.futureInstant("deadline", "2026-12-01T10:00:00Z", now))
                .isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(validation.futureInstant("deadline", "2026-11-27T10:00:00Z", now))
                .isNull();
        assertThat(validation.futureInstant("deadline", "tomorrow", now)).isNull();
        assertThat(validation.errors())
                .extracting(FieldError::message)
                .containsExactly("must be in the future", "must be an ISO-8601 UTC time like 2026-12-01T10:00:00Z");
    }

    @Test
    void list_entries_are_checked_one_by_one_with_their_index() {
        List<String> codes = validation.list(
                "languages",
                List.of("en", "hi", "xx", "en"),
                1,
                10,
                (field, value) -> validation.code(field, value, Codes::isLanguage, "an ISO 639-1 code"));

        assertThat(codes).containsExactly("en", "hi");
        assertThat(validation.errors()).extracting(FieldError::field).containsExactly("languages[2]");
    }

    @Test
    void numbers_out_of_range_and_missing_required_numbers_are_errors() {
        assertThat(validation.integer("maxActiveMatters", null, 1, 10, 2)).isEqualTo(2);
        validation.integer("yearsOfPractice", 99, 0, 70, null);
        validation.integer("yearsOfPractice", null, 0, 70, null);
        assertThat(validation.errors())
                .extracting(FieldError::message)
                .containsExactly("must be between 0 and 70", "is required");
    }

    @Test
    void jurisdictions_accept_national_and_state_codes_only() {
        assertThat(Codes.isJurisdiction("IN")).isTrue();
        assertThat(Codes.isJurisdiction("IN-WB")).isTrue();
        assertThat(Codes.isJurisdiction("IN-OD")).isTrue();
        assertThat(Codes.isJurisdiction("IN-ZZ")).isFalse();
        assertThat(Codes.isJurisdiction("in-wb")).isFalse();
        assertThat(Codes.isJurisdiction("XX")).isFalse();
        assertThat(Codes.jurisdictionCovers("IN", "IN-WB")).isTrue();
        assertThat(Codes.jurisdictionCovers("IN-DL", "IN-WB")).isFalse();
    }
}
