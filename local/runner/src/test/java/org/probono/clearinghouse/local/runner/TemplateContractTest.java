package org.probono.clearinghouse.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.events.EventShape;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.testkit.TestJson;

/** template.yaml, the code, the contract and events/ must agree; sam build/deploy rely on it. */
class TemplateContractTest {
    private static final Path ROOT = Template.repositoryRoot();
    private static final Template TEMPLATE = Template.fromRepository();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The public routes the outside contract fixes (docs/api.md), and the function that serves each. */
    private static final Map<String, String> CONTRACT_ROUTES = Map.of(
            "POST /organisations", "RegisterFunction",
            "POST /lawyers", "RegisterFunction",
            "GET /verify", "RegisterFunction",
            "POST /requests", "SubmitRequestFunction",
            "GET /requests/{id}", "SubmitRequestFunction",
            "POST /requests/{id}/withdraw", "SubmitRequestFunction",
            "GET /requests", "SubmitRequestFunction",
            "POST /requests/{id}/feedback", "SubmitRequestFunction");

    /** events/ files are named after their function: register-*, submit-*, assign-*, notify-*. */
    private static final Map<String, String> EVENT_PREFIXES = Map.of(
            "register", "RegisterFunction",
            "submit", "SubmitRequestFunction",
            "assign", "AssignFunction",
            "notify", "NotifyFunction");

    @Test
    void cfn_lint_passes_with_no_errors_and_no_warnings() throws Exception {
        Process lint;
        try {
            lint = new ProcessBuilder("cfn-lint", ROOT.resolve("template.yaml").toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            assumeTrue(false, "cfn-lint is not installed (pip install cfn-lint); template lint skipped");
            return;
        }
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).as("cfn-lint output").isEmpty();
        assertThat(lint.exitValue()).isZero();
    }

    @Test
    void the_template_has_the_four_functions_of_the_design_card() {
        assertThat(TEMPLATE.functions())
                .extracting(Template.Function::logicalId)
                .containsExactlyInAnyOrder(
                        "RegisterFunction", "SubmitRequestFunction", "AssignFunction", "NotifyFunction");
    }

    @Test
    void every_handler_in_the_template_is_a_stream_handler_with_a_public_no_argument_constructor() throws Exception {
        for (Template.Function function : TEMPLATE.functions()) {
            assertThat(function.handler()).as(function.logicalId()).endsWith("::handleRequest");
            Class<?> type = Class.forName(function.handlerClass());
            assertThat(RequestStreamHandler.class.isAssignableFrom(type))
                    .as(function.handler())
                    .isTrue();
            assertThat(Modifier.isPublic(type.getConstructor().getModifiers()))
                    .as(function.handler())
                    .isTrue();
        }
    }

    @Test
    void every_code_uri_is_the_shaded_jar_its_module_builds() throws IOException {
        for (Template.Function function : TEMPLATE.functions()) {
            Path jar = Path.of(function.codeUri());
            assertThat(jar.getNameCount()).as(function.codeUri()).isEqualTo(4);
            String module = jar.getName(1).toString();
            assertThat(jar)
                    .as(function.logicalId())
                    .isEqualTo(Path.of("functions", module, "target", module + "-lambda.jar"));
            String pom =
                    Files.readString(ROOT.resolve("functions").resolve(module).resolve("pom.xml"));
            assertThat(pom).contains("<artifactId>" + module + "</artifactId>").contains("maven-shade-plugin");
            String handlerSource = function.handlerClass().replace('.', '/') + ".java";
            assertThat(ROOT.resolve("functions")
                            .resolve(module)
                            .resolve("src/main/java")
                            .resolve(handlerSource))
                    .as("the handler lives in the module its CodeUri names")
                    .exists();
        }
    }

    @Test
    void the_http_api_routes_are_exactly_the_contracts() {
        Map<String, String> routes = TEMPLATE.httpRoutes().stream()
                .collect(Collectors.toMap(Template.Route::routeKey, Template.Route::functionId));
        assertThat(routes).isEqualTo(CONTRACT_ROUTES);
    }

    @Test
    void every_configuration_variable_the_code_requires_is_set_by_the_template() throws IllegalAccessException {
        Set<String> required = new TreeSet<>();
        for (Field field : Config.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                required.add((String) field.get(null));
            }
        }
        required.remove(Config.REGION); // Lambda sets AWS_REGION itself
        assertThat(TEMPLATE.globalEnvironment().keySet()).containsAll(required);
    }

    @Test
    void every_event_file_is_valid_json_of_a_shape_its_function_takes() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                String function = EVENT_PREFIXES.get(name.substring(0, Math.max(0, name.indexOf('-'))));
                if (function == null) {
                    problems.add(name + ": name does not start with a function prefix " + EVENT_PREFIXES.keySet());
                    continue;
                }
                JsonNode event = JSON.readTree(file.toFile());
                EventShape shape = EventShape.of(TestJson.tree(event));
                if (shape == EventShape.UNKNOWN) problems.add(name + ": unrecognised event shape");
                if (shape == EventShape.HTTP_API) {
                    String routeKey = event.path("routeKey").asText();
                    if (!function.equals(CONTRACT_ROUTES.get(routeKey))) {
                        problems.add(name + ": route " + routeKey + " is not served by " + function);
                    }
                }
                if (shape == EventShape.ADMIN_COMMAND
                        && !Set.of("RegisterFunction", "AssignFunction", "NotifyFunction")
                                .contains(function)) {
                    problems.add(name + ": admin commands go to RegisterFunction, AssignFunction or NotifyFunction");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_trigger_in_the_template_has_a_sample_event() throws IOException {
        Set<String> shapes = new TreeSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                shapes.add(EventShape.of(TestJson.tree(JSON.readTree(file.toFile())))
                        .name());
            }
        }
        assertThat(shapes).contains("HTTP_API", "ADMIN_COMMAND", "SCHEDULE", "DYNAMODB_STREAM", "SES_RECEIPT", "SNS");
    }
}
