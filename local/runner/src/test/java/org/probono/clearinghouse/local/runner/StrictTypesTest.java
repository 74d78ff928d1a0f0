package org.probono.clearinghouse.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.testkit.LocalClearinghouse;
import org.probono.clearinghouse.testkit.TestEvents;
import org.probono.clearinghouse.testkit.TestJson;

/**
 * Every string field of every body in events/ (the public routes' JSON bodies and the admin commands),
 * sent with a boolean, a number, a list and an object in its place: each is refused, naming the field
 * (a 400 problem, or an admin error object with status 400), and nothing is written. The fields come
 * from the event files themselves, so a field added to an event file is covered without touching this test.
 */
class StrictTypesTest {
    private static final Map<String, String> FUNCTION_OF_PREFIX = Map.of(
            "register",
            "RegisterFunction",
            "submit",
            "SubmitRequestFunction",
            "assign",
            "AssignFunction",
            "notify",
            "NotifyFunction");
    private static final List<JsonNode> WRONG = List.of(
            JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.numberNode(7),
            JsonNodeFactory.instance.arrayNode().add("x"),
                    JsonNodeFactory.instance.objectNode().put("x", "y"));

    private static LocalRunner runner;
    private static LocalClearinghouse clearinghouse;
    private static String orgToken;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(RunnerSettings.forTest(Template.repositoryRoot(), Duration.ofHours(1)));
        clearinghouse = new LocalClearinghouse(runner.url(), runner::deliverStream);
        String email = "contact-" + System.nanoTime() + "@trust.example";
        orgToken = clearinghouse
                .approvedOrganisation(LocalClearinghouse.organisationBody("Test Trust", "Test Contact", email), email)
                .token();
    }

    @AfterAll
    static void stop() {
        if (runner != null) runner.close();
    }

    /** One wrong value in one field of one event file. */
    record Case(String file, String field, JsonNode wrong, JsonNode body) {
        @Override
        public String toString() {
            return file + " " + field + "=" + wrong;
        }
    }

    @Test
    void a_wrong_type_in_any_string_field_of_a_route_body_is_a_400_naming_it_and_writes_nothing() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path file : eventFiles()) {
            JsonNode event = TestJson.MAPPER.readTree(file.toFile());
            if (!event.has("routeKey")
                    || !event.path("body").isTextual()
                    || event.path("body").asText().isEmpty()) continue;
            String path = event.path("rawPath").asText();
            for (Case c :
                    cases(file, TestJson.MAPPER.readTree(event.path("body").asText()))) {
                int before = runner.aws().countItems();
                HttpResponse<String> response = clearinghouse.post(
                        path, path.startsWith("/requests") ? orgToken : null, TestJson.write(c.body()));
                JsonNode problem = TestJson.MAPPER.readTree(response.body());
                boolean named = false;
                for (JsonNode error : problem.path("errors"))
                    named |= error.path("field").asText().equals(c.field());
                if (response.statusCode() != 400 || !named)
                    failures.add(c + " → " + response.statusCode() + " " + response.body());
                if (runner.aws().countItems() != before) failures.add(c + " wrote to the table");
                checked++;
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).as("cases checked").isGreaterThan(100);
    }

    @Test
    void a_wrong_type_in_any_string_field_of_an_admin_command_is_an_error_naming_it_and_writes_nothing()
            throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path file : eventFiles()) {
            JsonNode command = TestJson.MAPPER.readTree(file.toFile());
            if (!command.has("command")) continue;
            String function =
                    FUNCTION_OF_PREFIX.get(file.getFileName().toString().split("-")[0]);
            for (Case c : cases(file, command)) {
                if (c.field().equals("command")) continue;
                int before = runner.aws().countItems();
                JsonNode answer = clearinghouse.answer(function, TestJson.write(c.body()));
                JsonNode error = answer.path("error");
                String topField = c.field().replaceAll("[.\\[].*", "");
                if (error.path("status").asInt() != 400
                        || !error.path("detail").asText().contains(topField)) {
                    failures.add(c + " → " + answer);
                }
                if (runner.aws().countItems() != before) failures.add(c + " wrote to the table");
                checked++;
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).as("cases checked").isGreaterThan(40);
    }

    private static List<Path> eventFiles() throws IOException {
        try (Stream<Path> files = Files.list(Template.repositoryRoot().resolve("events"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** For each string in {@code body} (at any depth, list elements too), the body with each wrong value there. */
    private static List<Case> cases(Path file, JsonNode body) {
        List<String> fields = new ArrayList<>();
        strings(body, "", fields);
        List<Case> cases = new ArrayList<>();
        for (String field : fields) {
            for (JsonNode wrong : WRONG)
                cases.add(new Case(file.getFileName().toString(), field, wrong, replaced(body, field, wrong)));
        }
        return cases;
    }

    private static void strings(JsonNode node, String at, List<String> fields) {
        if (node.isTextual()) {
            fields.add(at);
        } else if (node.isObject()) {
            node.properties()
                    .forEach(e -> strings(e.getValue(), at.isEmpty() ? e.getKey() : at + "." + e.getKey(), fields));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) strings(node.get(i), at + "[" + i + "]", fields);
        }
    }

    private static JsonNode replaced(JsonNode body, String field, JsonNode wrong) {
        return TestEvents.of(body).with(field, wrong).json();
    }
}
