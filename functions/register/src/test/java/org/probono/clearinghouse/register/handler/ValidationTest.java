package org.probono.clearinghouse.register.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.testkit.MovableClock;
import org.probono.clearinghouse.testkit.TestJson;

/**
 * Every field rule of both registration forms, through the entry class: each bad body is a 400 that names
 * the field, and nothing is written. One backend reset for the lot (each case counts items before/after).
 */
@ExtendWith(LocalAwsExtension.class)
class ValidationTest {
    private static final String ORG = "register-post-organisation.json";
    private static final String LAWYER = "register-post-lawyer.json";

    private record Case(String name, String file, Consumer<ObjectNode> breakage, String... fields) {}

    private static List<Case> cases() {
        List<Case> all = new ArrayList<>(List.of(
                new Case("organisation name missing", ORG, b -> b.remove("name"), "name"),
                new Case("organisation name one letter", ORG, b -> b.put("name", "X"), "name"),
                new Case("organisation name over 200", ORG, b -> b.put("name", "n".repeat(201)), "name"),
                new Case("organisation name with a control character", ORG, b -> b.put("name", "Trust\u0007"), "name"),
                new Case(
                        "organisationType unknown", ORG, b -> b.put("organisationType", "CHARITY"), "organisationType"),
                new Case(
                        "organisationType in lower case",
                        ORG,
                        b -> b.put("organisationType", "ngo"),
                        "organisationType"),
                new Case("organisationType missing", ORG, b -> b.remove("organisationType"), "organisationType"),
                new Case("registrationNumber blank", ORG, b -> b.put("registrationNumber", "  "), "registrationNumber"),
                new Case(
                        "registrationNumber over 100",
                        ORG,
                        b -> b.put("registrationNumber", "1".repeat(101)),
                        "registrationNumber"),
                new Case("jurisdiction not a code", ORG, b -> b.put("jurisdiction", "West Bengal"), "jurisdiction"),
                new Case("jurisdiction unknown Indian state", ORG, b -> b.put("jurisdiction", "IN-XX"), "jurisdiction"),
                new Case("city missing", ORG, b -> b.remove("city"), "city"),
                new Case("city over 100", ORG, b -> b.put("city", "c".repeat(101)), "city"),
                new Case("website not a URL", ORG, b -> b.put("website", "shakti dot org"), "website"),
                new Case("website not http", ORG, b -> b.put("website", "ftp://shakti.example.org"), "website"),
                new Case("eleven focus areas", ORG, b -> b.set("focusAreas", strings(11, "area")), "focusAreas"),
                new Case(
                        "focus area over 60",
                        ORG,
                        b -> b.set(
                                "focusAreas", TestJson.MAPPER.createArrayNode().add("f".repeat(61))),
                        "focusAreas[0]"),
                new Case(
                        "focus area blank",
                        ORG,
                        b -> b.set(
                                "focusAreas",
                                TestJson.MAPPER.createArrayNode().add("ok").add(" ")),
                        "focusAreas[1]"),
                new Case("contact missing", ORG, b -> b.remove("contact"), "contact"),
                new Case("contact email not an address", ORG, b -> contact(b).put("email", "ananya@"), "contact.email"),
                new Case(
                        "contact email with a space",
                        ORG,
                        b -> contact(b).put("email", "an anya@shakti.example.org"),
                        "contact.email"),
                new Case(
                        "contact phone national form",
                        ORG,
                        b -> contact(b).put("phone", "098300 12345"),
                        "contact.phone"),
                new Case(
                        "contact phone letters", ORG, b -> contact(b).put("phone", "+91 CALL ME NOW"), "contact.phone"),
                new Case("contact name missing", ORG, b -> contact(b).remove("name"), "contact.name"),
                new Case(
                        "several organisation fields at once",
                        ORG,
                        b -> {
                            b.remove("name");
                            b.put("organisationType", "CLUB");
                            contact(b).put("email", "nope");
                        },
                        "name",
                        "organisationType",
                        "contact.email"),
                new Case(
                        "contact preferredLanguage not one we write in",
                        ORG,
                        b -> contact(b).put("preferredLanguage", "fr"),
                        "contact.preferredLanguage"),
                new Case(
                        "contact preferredLanguage a language name",
                        ORG,
                        b -> contact(b).put("preferredLanguage", "Bengali"),
                        "contact.preferredLanguage"),
                new Case("unknown organisation field", ORG, b -> b.put("founded", 1999), "founded"),
                new Case("focusAreas not a list", ORG, b -> b.put("focusAreas", 5), "focusAreas"),
                new Case("lawyer name missing", LAWYER, b -> b.remove("name"), "name"),
                new Case("lawyer name over 120", LAWYER, b -> b.put("name", "n".repeat(121)), "name"),
                new Case("lawyer email missing", LAWYER, b -> b.remove("email"), "email"),
                new Case("lawyer email without a domain dot", LAWYER, b -> b.put("email", "meera@localhost"), "email"),
                new Case("lawyer phone missing plus", LAWYER, b -> b.put("phone", "9811122233"), "phone"),
                new Case("lawyer phone too short", LAWYER, b -> b.put("phone", "+91 12"), "phone"),
                new Case("firm over 200", LAWYER, b -> b.put("firm", "f".repeat(201)), "firm"),
                new Case(
                        "barEnrolmentNumber missing",
                        LAWYER,
                        b -> b.remove("barEnrolmentNumber"),
                        "barEnrolmentNumber"),
                new Case(
                        "barEnrolmentNumber over 60",
                        LAWYER,
                        b -> b.put("barEnrolmentNumber", "D".repeat(61)),
                        "barEnrolmentNumber"),
                new Case("barCouncil not a jurisdiction", LAWYER, b -> b.put("barCouncil", "Delhi"), "barCouncil"),
                new Case("yearsOfPractice missing", LAWYER, b -> b.remove("yearsOfPractice"), "yearsOfPractice"),
                new Case("yearsOfPractice negative", LAWYER, b -> b.put("yearsOfPractice", -1), "yearsOfPractice"),
                new Case("yearsOfPractice over 70", LAWYER, b -> b.put("yearsOfPractice", 71), "yearsOfPractice"),
                new Case(
                        "yearsOfPractice not a number",
                        LAWYER,
                        b -> b.put("yearsOfPractice", "twelve"),
                        "yearsOfPractice"),
                new Case(
                        "practiceAreas empty",
                        LAWYER,
                        b -> b.set("practiceAreas", TestJson.MAPPER.createArrayNode()),
                        "practiceAreas"),
                new Case("practiceAreas missing", LAWYER, b -> b.remove("practiceAreas"), "practiceAreas"),
                new Case(
                        "practice area unknown",
                        LAWYER,
                        b -> b.set(
                                "practiceAreas",
                                TestJson.MAPPER.createArrayNode().add("TAX")),
                        "practiceAreas[0]"),
                new Case(
                        "jurisdictions empty",
                        LAWYER,
                        b -> b.set("jurisdictions", TestJson.MAPPER.createArrayNode()),
                        "jurisdictions"),
                new Case(
                        "jurisdiction in the list unknown",
                        LAWYER,
                        b -> b.set(
                                "jurisdictions",
                                TestJson.MAPPER.createArrayNode().add("IN-DL").add("XX-YY")),
                        "jurisdictions[1]"),
                new Case(
                        "twenty-one jurisdictions",
                        LAWYER,
                        b -> b.set("jurisdictions", strings(21, "IN")),
                        "jurisdictions"),
                new Case("languages missing", LAWYER, b -> b.remove("languages"), "languages"),
                new Case(
                        "language not ISO 639-1",
                        LAWYER,
                        b -> b.set(
                                "languages", TestJson.MAPPER.createArrayNode().add("english")),
                        "languages[0]"),
                new Case(
                        "language unknown two letters",
                        LAWYER,
                        b -> b.set(
                                "languages", TestJson.MAPPER.createArrayNode().add("qq")),
                        "languages[0]"),
                new Case("eleven languages", LAWYER, b -> b.set("languages", strings(11, "en")), "languages"),
                new Case("maxActiveMatters zero", LAWYER, b -> b.put("maxActiveMatters", 0), "maxActiveMatters"),
                new Case("maxActiveMatters over 10", LAWYER, b -> b.put("maxActiveMatters", 11), "maxActiveMatters"),
                new Case(
                        "preferredLanguage a valid code we do not write in",
                        LAWYER,
                        b -> b.put("preferredLanguage", "ta"),
                        "preferredLanguage"),
                new Case(
                        "preferredLanguage a language name",
                        LAWYER,
                        b -> b.put("preferredLanguage", "Hindi"),
                        "preferredLanguage"),
                new Case("preferredLanguage a number", LAWYER, b -> b.put("preferredLanguage", 7), "preferredLanguage"),
                new Case("unknown lawyer field", LAWYER, b -> b.put("experience", 12), "experience")));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> each_bad_field_is_a_400_naming_it_and_nothing_is_written(LocalAws aws) {
        RegisterFunction function = new RegisterFunction(aws, new MovableClock(Instant.parse("2026-11-28T10:00:00Z")));
        return cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    ObjectNode body = RegisterFunction.body(c.file());
                    c.breakage().accept(body);
                    int before = aws.countItems();

                    RegisterFunction.HttpAnswer answer = function.http(RegisterFunction.withBody(c.file(), body));

                    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
                    assertThat(answer.contentType()).isEqualTo("application/problem+json");
                    List<String> fields = new ArrayList<>();
                    answer.json()
                            .path("errors")
                            .forEach(e -> fields.add(e.path("field").asText()));
                    assertThat(fields).containsExactlyInAnyOrder(c.fields());
                    answer.json()
                            .path("errors")
                            .forEach(e -> assertThat(e.path("message").asText()).isNotBlank());
                    assertThat(aws.countItems()).isEqualTo(before);
                }));
    }

    @Test
    void non_json_malformed_and_oversized_bodies_are_rejected_and_write_nothing(LocalAws aws) {
        RegisterFunction function = new RegisterFunction(aws, new MovableClock(Instant.parse("2026-11-28T10:00:00Z")));
        ObjectNode form = RegisterFunction.event(LAWYER);
        ((ObjectNode) form.path("headers")).put("content-type", "application/x-www-form-urlencoded");
        ObjectNode broken = RegisterFunction.event(LAWYER);
        broken.put("body", "{\"name\": ");
        ObjectNode huge = RegisterFunction.body(LAWYER);
        huge.put("firm", "f".repeat(70_000));

        assertThat(function.http(form).status()).isEqualTo(415);
        assertThat(function.http(broken).status()).isEqualTo(400);
        assertThat(function.http(RegisterFunction.withBody(LAWYER, huge)).status())
                .isEqualTo(413);
        assertThat(aws.countItems()).isZero();
    }

    @Test
    void optional_fields_may_be_left_out_and_max_active_matters_defaults_to_two(LocalAws aws) {
        RegisterFunction function = new RegisterFunction(aws, new MovableClock(Instant.parse("2026-11-28T10:00:00Z")));
        ObjectNode lawyer = RegisterFunction.body(LAWYER);
        lawyer.remove("maxActiveMatters");
        lawyer.remove("firm");
        ObjectNode org = RegisterFunction.body(ORG);
        org.remove("website");
        org.remove("focusAreas");

        String lawyerId = function.register(LAWYER, lawyer);
        function.register(ORG, org);

        var item = function.store.get(Keys.lawyer(lawyerId)).orElseThrow();
        assertThat(item.number("maxActiveMatters")).isEqualTo(2);
        assertThat(item.string("firm")).isNull();
        assertThat(item.string("phone")).isEqualTo("+919811122233");
        assertThat(item.string("preferredLanguage")).isEqualTo("en");
    }

    private static ObjectNode contact(ObjectNode body) {
        return (ObjectNode) body.path("contact");
    }

    private static ArrayNode strings(int count, String prefix) {
        ArrayNode array = TestJson.MAPPER.createArrayNode();
        for (int i = 0; i < count; i++)
            array.add(prefix.length() == 2 && prefix.equals("IN") ? jurisdiction(i) : prefix + i);
        return array;
    }

    /** Distinct valid codes, so only the count is wrong. */
    private static String jurisdiction(int i) {
        String[] codes = {
            "IN", "IN-WB", "IN-DL", "IN-MH", "IN-KA", "IN-TN", "IN-KL", "IN-GJ", "IN-RJ", "IN-UP", "IN-BR", "IN-OD",
            "IN-AS", "IN-PB", "IN-HR", "IN-JH", "IN-GA", "IN-HP", "IN-TG", "IN-AP", "IN-MP"
        };
        return codes[i];
    }
}
