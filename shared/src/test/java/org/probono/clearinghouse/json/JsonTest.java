package org.probono.clearinghouse.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one binder reads strictly, in the words the 400s and admin errors use, and writes what databind wrote
 * before it (the functions' mapper until issue 17), so stored fingerprints, cursors and every client see the same
 * JSON.
 */
class JsonTest {
    enum Kind {
        ORGANISATION,
        LAWYER
    }

    record Contact(String email, String phone) {}

    record Form(
            String name,
            Integer size,
            Long big,
            Double hours,
            Boolean agree,
            boolean consent,
            List<String> areas,
            Contact contact,
            Kind kind,
            LocalDate since,
            Map<String, String> labels) {}

    record Page(List<Form> items, @WrittenWhenNull String next, String absent) {}

    /** The functions' ObjectMapper as it was configured for writing before jackson-jr. */
    private static final ObjectMapper BEFORE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static Form read(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), Form.class);
    }

    @Test
    void a_record_is_read_with_its_nested_records_lists_maps_enums_and_dates() {
        Form form = read("""
                {"name":"আশা","size":3,"big":3000000000,"hours":2,"agree":true,"consent":true,"areas":["FCRA","IP"],
                 "contact":{"email":"a@example.org"},"kind":"LAWYER","since":"2026-11-30","labels":{"k":"v"}}""");

        assertThat(form)
                .isEqualTo(new Form(
                        "আশা",
                        3,
                        3_000_000_000L,
                        2.0,
                        true,
                        true,
                        List.of("FCRA", "IP"),
                        new Contact("a@example.org", null),
                        Kind.LAWYER,
                        LocalDate.of(2026, 11, 30),
                        Map.of("k", "v")));
        assertThat(read("{}")).isEqualTo(new Form(null, null, null, null, null, false, null, null, null, null, null));
        assertThat(Json.read("null".getBytes(StandardCharsets.UTF_8), Form.class))
                .isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\":true}                 | name        | must be a string",
                "{\"name\":5}                    | name        | must be a string",
                "{\"name\":[\"x\"]}              | name        | must be a string",
                "{\"size\":\"3\"}                | size        | must be a whole number",
                "{\"size\":3.5}                  | size        | must be a whole number",
                "{\"size\":3.0}                  | size        | must be a whole number",
                "{\"size\":3000000000}           | size        | must be a whole number",
                "{\"big\":1e3}                   | big         | must be a whole number",
                "{\"hours\":\"2\"}               | hours       | must be a number",
                "{\"agree\":\"yes\"}             | agree       | must be true or false",
                "{\"agree\":1}                   | agree       | must be true or false",
                "{\"consent\":null}              | consent     | must be true or false",
                "{\"areas\":\"FCRA\"}            | areas       | must be a list",
                "{\"areas\":{\"a\":1}}           | areas       | must be a list",
                "{\"areas\":[\"FCRA\",4]}        | areas[1]    | must be a string",
                "{\"contact\":\"a@example.org\"} | contact     | must be an object",
                "{\"contact\":{\"email\":false}} | contact.email | must be a string",
                "{\"kind\":1}                    | kind        | must be a string",
                "{\"kind\":\"JUDGE\"}            | kind        | must be one of LAWYER, ORGANISATION",
                "{\"since\":20261130}            | since       | must be a string",
                "{\"labels\":{\"k\":1}}          | labels.k    | must be a string",
            })
    void a_value_of_the_wrong_type_is_refused_naming_the_field_never_coerced(
            String json, String field, String expected) {
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(JsonInputException.WrongType.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.expected()).isEqualTo(expected);
        });
    }

    @Test
    void an_unknown_field_is_named_with_the_fields_the_record_has() {
        assertThatThrownBy(() -> read("{\"name\":\"a\",\"nmae\":\"b\"}"))
                .isInstanceOfSatisfying(JsonInputException.UnknownField.class, e -> {
                    assertThat(e.field()).isEqualTo("nmae");
                    assertThat(e.known())
                            .containsExactly(
                                    "agree", "areas", "big", "consent", "contact", "hours", "kind", "labels", "name",
                                    "since", "size");
                });
        assertThatThrownBy(() -> read("{\"contact\":{\"emial\":\"a@example.org\"}}"))
                .isInstanceOfSatisfying(
                        JsonInputException.UnknownField.class,
                        e -> assertThat(e.field()).isEqualTo("contact.emial"));
    }

    @Test
    void what_is_not_one_json_object_is_refused_as_such() {
        for (String notAnObject : List.of("[1]", "\"form\"", "5", "true")) {
            assertThatThrownBy(() -> read(notAnObject)).isInstanceOf(JsonInputException.NotAnObject.class);
        }
        for (String notJson : List.of("{", "{\"name\":\"a\"} {}", "{\"name\":\"a\",}", "", "{'name':'a'}")) {
            assertThatThrownBy(() -> read(notJson)).as(notJson).isInstanceOf(JsonInputException.NotJson.class);
        }
        // Valid UTF-8 that jackson-core takes for UTF-32 by its first bytes, and cannot decode.
        for (String notUtf32 : List.of("\u0000\u0000\u0000{}", "\u0000\u0000{\u0000")) {
            assertThatThrownBy(() -> read(notUtf32)).isInstanceOf(JsonInputException.NotJson.class);
        }
        String deep = "{\"a\":".repeat(70) + "{}" + "}".repeat(70);
        assertThatThrownBy(() -> Json.tree(deep)).isInstanceOf(JsonInputException.NotJson.class);
    }

    @Test
    void records_are_written_as_databind_wrote_them_absent_fields_left_out() throws Exception {
        Form full = new Form(
                "আশা \"quoted\"\n",
                3,
                3_000_000_000L,
                2.5,
                false,
                true,
                List.of("FCRA"),
                new Contact("a@example.org", null),
                Kind.ORGANISATION,
                LocalDate.of(2026, 11, 30),
                new LinkedHashMap<>(Map.of("k", "v")));
        Form sparse = new Form(null, null, null, null, null, false, List.of(), null, null, null, Map.of());

        for (Object value : List.of(full, sparse, List.of(full, sparse), Map.of("form", full))) {
            assertThat(Json.write(value)).isEqualTo(BEFORE.writeValueAsString(value));
        }
        assertThat(Json.write(Instant.parse("2026-11-30T00:00:00Z"))).isEqualTo("\"2026-11-30T00:00:00Z\"");
    }

    @Test
    void a_component_written_when_null_says_so_and_the_rest_are_still_left_out() {
        assertThat(Json.write(new Page(List.of(), null, null))).isEqualTo("{\"items\":[],\"next\":null}");
        assertThat(Json.write(new Page(List.of(), "C2", "x")))
                .isEqualTo("{\"items\":[],\"next\":\"C2\",\"absent\":\"x\"}");
    }

    @Test
    void a_repeated_key_keeps_its_last_value_in_records_and_trees() {
        assertThat(read("{\"name\":\"a\",\"name\":\"b\"}").name()).isEqualTo("b");
        assertThat(Json.tree("{\"command\":\"queue\",\"command\":\"show\"}")
                        .path("command")
                        .text())
                .isEqualTo("show");
    }

    @Test
    void a_tree_walks_any_json_and_never_throws() {
        Tree tree = Json.tree(new ByteArrayInputStream(
                "{\"Records\":[{\"n\":5,\"b\":true,\"s\":\"x\",\"z\":null}]}".getBytes(StandardCharsets.UTF_8)));

        Tree first = tree.path("Records").path(0);
        assertThat(first.path("n").asLong()).isEqualTo(5);
        assertThat(first.path("n").asText()).isEqualTo("5");
        assertThat(first.path("n").text()).isNull();
        assertThat(first.path("b").isTrue()).isTrue();
        assertThat(first.path("s").text()).isEqualTo("x");
        assertThat(first.has("z")).isTrue();
        assertThat(first.path("z").isEmpty()).isTrue();
        assertThat(first.path("missing").path(3).path("deeper").asText()).isNull();
        assertThat(tree.path("Records").elements()).hasSize(1);
        assertThat(first.fields().keySet()).containsExactly("n", "b", "s", "z");
        assertThat(Json.write(tree)).isEqualTo("{\"Records\":[{\"n\":5,\"b\":true,\"s\":\"x\"}]}");
        assertThatThrownBy(() -> Json.tree("{\"a\":")).isInstanceOf(JsonInputException.NotJson.class);
    }

    @Test
    void written_onto_a_stream_the_stream_stays_open() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Json.write(Map.of("a", 1), out);
        Json.write(List.of(2), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}[2]");
    }
}
