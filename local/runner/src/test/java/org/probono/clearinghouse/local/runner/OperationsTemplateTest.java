package org.probono.clearinghouse.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.json.Metric;
import org.probono.clearinghouse.local.backend.Template;

/**
 * The operational rules of template.yaml (issue 16), read as data: least privilege per function, alarms
 * that reach the team, throttles, reserved concurrency, and a dashboard of what the code measures.
 * Short tags are dropped by the reader: {@code !GetAtt Table.Arn} reads as {@code "Table.Arn"}.
 */
class OperationsTemplateTest {
    private static final Path ROOT = Template.repositoryRoot();
    private static final Template TEMPLATE = Template.fromRepository();
    private static final String TABLE = "Table.Arn";
    private static final String INDEXES = "${Table.Arn}/index/*";

    /** The DynamoDB actions each function's code calls; a transaction needs the actions of its parts. */
    private static final Map<String, Set<String>> DYNAMODB_ACTIONS = Map.of(
            "RegisterFunction",
                    Set.of(
                            "dynamodb:GetItem",
                            "dynamodb:Query",
                            "dynamodb:Scan",
                            "dynamodb:PutItem",
                            "dynamodb:DeleteItem"),
            "SubmitRequestFunction",
                    Set.of(
                            "dynamodb:GetItem",
                            "dynamodb:Query",
                            "dynamodb:PutItem",
                            "dynamodb:ConditionCheckItem",
                            "dynamodb:UpdateItem"),
            "AssignFunction",
                    Set.of(
                            "dynamodb:GetItem",
                            "dynamodb:Query",
                            "dynamodb:PutItem",
                            "dynamodb:UpdateItem",
                            "dynamodb:BatchGetItem"),
            "NotifyFunction",
                    Set.of(
                            "dynamodb:GetItem",
                            "dynamodb:Query",
                            "dynamodb:Scan",
                            "dynamodb:PutItem",
                            "dynamodb:DeleteItem",
                            "dynamodb:UpdateItem",
                            "dynamodb:BatchGetItem"));

    /** Shared classes that add to the impact report's running totals (an UpdateItem with ADD in their transactions). */
    private static final List<String> WRITE_RUNNING_TOTALS =
            List.of("RunningTotals", "MatterCompletion", "OfferDecisions");

    // ------------------------------------------------------------------ least privilege

    @Test
    void no_function_has_a_policy_template_or_wildcard_that_grants_the_whole_table() {
        for (Template.Function function : TEMPLATE.functions()) {
            for (JsonNode policy : policies(function.logicalId())) {
                policy.fieldNames()
                        .forEachRemaining(name -> assertThat(name)
                                .as(function.logicalId())
                                .doesNotStartWith("DynamoDB")
                                .doesNotEndWith("CrudPolicy"));
            }
            assertThat(actions(function.logicalId(), ""))
                    .as(function.logicalId())
                    .noneMatch(action -> action.endsWith("*"));
        }
    }

    @Test
    void each_function_may_call_exactly_the_dynamodb_actions_its_code_calls() {
        for (Template.Function function : TEMPLATE.functions()) {
            assertThat(actions(function.logicalId(), "dynamodb:"))
                    .as(function.logicalId())
                    .isEqualTo(new TreeSet<>(DYNAMODB_ACTIONS.get(function.logicalId())));
        }
    }

    @Test
    void delete_scan_and_condition_checks_are_granted_exactly_where_the_functions_code_uses_them() {
        String shared = sources(ROOT.resolve("shared/src/main/java"));
        assertThat(shared)
                .as("shared code that deletes, scans or checks would need its callers found by hand")
                .doesNotContain(".delete(Keys.", ".deleteIf(", ".scan(", ".check(Keys.");
        for (Template.Function function : TEMPLATE.functions()) {
            String code = mainSources(function);
            Set<String> granted = actions(function.logicalId(), "dynamodb:");
            assertThat(granted.contains("dynamodb:DeleteItem"))
                    .as(function.logicalId() + " deletes items")
                    .isEqualTo(code.contains(".delete(Keys.") || code.contains(".deleteIf("));
            assertThat(granted.contains("dynamodb:Scan"))
                    .as(function.logicalId() + " scans")
                    .isEqualTo(code.contains(".scan("));
            assertThat(granted.contains("dynamodb:ConditionCheckItem"))
                    .as(function.logicalId() + " checks conditions")
                    .isEqualTo(code.contains(".check(Keys."));
            assertThat(granted.contains("dynamodb:UpdateItem"))
                    .as(function.logicalId() + " adds to running totals")
                    .isEqualTo(WRITE_RUNNING_TOTALS.stream().anyMatch(code::contains));
            assertThat(granted.contains("dynamodb:BatchGetItem"))
                    .as(function.logicalId() + " reads the impact report")
                    .isEqualTo(code.contains("ImpactFigures") || code.contains(".getAll("));
            assertThat(granted)
                    .as("nothing writes in batches; every change is in a transaction")
                    .doesNotContain("dynamodb:BatchWriteItem");
        }
    }

    @Test
    void submit_request_and_assign_may_not_scan_the_table() {
        assertThat(actions("SubmitRequestFunction", "dynamodb:")).doesNotContain("dynamodb:Scan");
        assertThat(actions("AssignFunction", "dynamodb:")).doesNotContain("dynamodb:Scan");
    }

    @Test
    void dynamodb_statements_name_only_the_table_and_queries_also_its_indexes() {
        for (Template.Function function : TEMPLATE.functions()) {
            for (JsonNode statement : statements(function.logicalId())) {
                Set<String> actions = strings(statement.path("Action"));
                if (actions.stream().noneMatch(a -> a.startsWith("dynamodb:"))) continue;
                assertThat(actions).as(function.logicalId()).allMatch(a -> a.startsWith("dynamodb:"));
                Set<String> resources = strings(statement.path("Resource"));
                if (actions.equals(Set.of("dynamodb:Query"))) {
                    assertThat(resources)
                            .as(function.logicalId() + " queries")
                            .containsExactlyInAnyOrder(TABLE, INDEXES);
                } else {
                    assertThat(resources)
                            .as(function.logicalId() + " " + actions)
                            .containsExactly(TABLE);
                }
            }
        }
    }

    @Test
    void kms_is_granted_only_where_details_or_tokens_are_sealed_or_opened_and_only_on_their_key() {
        assertThat(actions("SubmitRequestFunction", "kms:"))
                .containsExactlyInAnyOrder("kms:GenerateDataKey", "kms:Decrypt");
        assertThat(actions("NotifyFunction", "kms:")).containsExactlyInAnyOrder("kms:GenerateDataKey", "kms:Decrypt");
        // Register and Assign seal the tokens of the emails they write; they can never open one.
        assertThat(actions("RegisterFunction", "kms:")).containsExactly("kms:GenerateDataKey");
        assertThat(actions("AssignFunction", "kms:")).containsExactly("kms:GenerateDataKey");
        for (Template.Function function : TEMPLATE.functions()) {
            for (JsonNode statement : statements(function.logicalId())) {
                if (strings(statement.path("Action")).stream().anyMatch(a -> a.startsWith("kms:"))) {
                    assertThat(strings(statement.path("Resource"))).containsExactly("DetailsKey.Arn");
                }
            }
            for (JsonNode policy : policies(function.logicalId()))
                assertThat(policy.has("KMSDecryptPolicy")).isFalse();
        }
    }

    @Test
    void only_notify_sends_email_and_only_from_the_configured_sender() {
        for (Template.Function function : TEMPLATE.functions()) {
            if (!function.logicalId().equals("NotifyFunction")) {
                assertThat(actions(function.logicalId(), "ses:"))
                        .as(function.logicalId())
                        .isEmpty();
            }
        }
        List<JsonNode> sending = statements("NotifyFunction").stream()
                .filter(s -> strings(s.path("Action")).stream().anyMatch(a -> a.startsWith("ses:")))
                .toList();
        assertThat(sending).hasSize(1);
        JsonNode statement = sending.getFirst();
        assertThat(strings(statement.path("Action"))).containsExactlyInAnyOrder("ses:SendEmail", "ses:SendRawEmail");
        assertThat(statement.path("Resource").toString())
                .doesNotContain("identity/*")
                .contains("SenderDomain");
        assertThat(statement
                        .path("Condition")
                        .path("StringEquals")
                        .path("ses:FromAddress")
                        .asText())
                .isEqualTo("SenderAddress");
    }

    @Test
    void notify_has_reserved_concurrency_so_a_mail_storm_cannot_starve_the_api() {
        JsonNode reserved =
                TEMPLATE.resource("NotifyFunction").path("Properties").path("ReservedConcurrentExecutions");
        assertThat(reserved.asText()).isEqualTo("NotifyConcurrency");
        JsonNode parameter = TEMPLATE.root().path("Parameters").path("NotifyConcurrency");
        assertThat(parameter.path("Default").asInt()).isBetween(1, 5);
        assertThat(parameter.path("MinValue").asInt()).isPositive();
        for (String other : List.of("RegisterFunction", "SubmitRequestFunction", "AssignFunction")) {
            assertThat(TEMPLATE.resource(other).path("Properties").has("ReservedConcurrentExecutions"))
                    .as(other)
                    .isFalse();
        }
    }

    // ------------------------------------------------------------------ API throttles

    @Test
    void registration_and_verification_are_throttled_lower_than_every_other_route() {
        JsonNode api = TEMPLATE.resource("HttpApi").path("Properties");
        JsonNode defaults = api.path("DefaultRouteSettings");
        JsonNode routes = api.path("RouteSettings");
        for (String route : List.of("POST /organisations", "POST /lawyers", "GET /verify")) {
            JsonNode settings = routes.path(route);
            assertThat(settings.path("ThrottlingRateLimit").asDouble())
                    .as(route)
                    .isPositive()
                    .isLessThan(defaults.path("ThrottlingRateLimit").asDouble());
            assertThat(settings.path("ThrottlingBurstLimit").asInt())
                    .as(route)
                    .isPositive()
                    .isLessThan(defaults.path("ThrottlingBurstLimit").asInt());
        }
        Set<String> known =
                TEMPLATE.httpRoutes().stream().map(Template.Route::routeKey).collect(Collectors.toSet());
        routes.fieldNames()
                .forEachRemaining(route -> assertThat(known)
                        .as("a stage setting for an unknown route fails the deploy")
                        .contains(route));
    }

    // ------------------------------------------------------------------ alarms

    @Test
    void every_alarm_tells_the_team_through_the_alarm_topic_when_it_fires_and_when_it_clears() {
        JsonNode subscription = TEMPLATE.resource("AlarmTopic")
                .path("Properties")
                .path("Subscription")
                .path(0);
        assertThat(subscription.path("Protocol").asText()).isEqualTo("email");
        assertThat(subscription.path("Endpoint").asText()).isEqualTo("AdminEmail");
        Map<String, JsonNode> alarms = TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm");
        assertThat(alarms).hasSizeGreaterThanOrEqualTo(11);
        alarms.forEach((id, alarm) -> {
            assertThat(strings(alarm.path("Properties").path("AlarmActions")))
                    .as(id)
                    .containsExactly("AlarmTopic");
            assertThat(strings(alarm.path("Properties").path("OKActions")))
                    .as(id)
                    .containsExactly("AlarmTopic");
            assertThat(alarm.path("Properties").path("AlarmDescription").asText())
                    .as(id)
                    .isNotBlank();
        });
    }

    @Test
    void a_failed_email_in_the_failure_queue_raises_an_alarm() {
        JsonNode alarm = alarm("AWS/SQS", "ApproximateNumberOfMessagesVisible");
        assertThat(dimension(alarm, "QueueName")).isEqualTo("NotifyFailures.QueueName");
        assertFires(alarm, "GreaterThanThreshold", 0);
    }

    @Test
    void each_function_has_an_errors_alarm() {
        Set<String> watched = new TreeSet<>();
        for (JsonNode alarm : alarms("AWS/Lambda", "Errors")) {
            watched.add(dimension(alarm, "FunctionName"));
            assertFires(alarm, "GreaterThanThreshold", 0);
        }
        assertThat(watched)
                .containsExactlyInAnyOrder(
                        "RegisterFunction", "SubmitRequestFunction", "AssignFunction", "NotifyFunction");
    }

    @Test
    void api_server_errors_and_throttled_requests_raise_alarms() {
        JsonNode errors = alarm("AWS/ApiGateway", "5xx");
        assertThat(dimension(errors, "ApiId")).isEqualTo("HttpApi");
        assertFires(errors, "GreaterThanThreshold", 0);

        JsonNode throttled = alarm(metricsNamespace(), "ApiThrottled");
        assertThat(throttled.path("Threshold").asDouble()).isPositive();
        JsonNode filter = TEMPLATE.resourcesOfType("AWS::Logs::MetricFilter").values().stream()
                .map(f -> f.path("Properties"))
                .filter(f -> f.path("MetricTransformations")
                        .path(0)
                        .path("MetricName")
                        .asText()
                        .equals("ApiThrottled"))
                .findFirst()
                .orElseThrow();
        assertThat(filter.path("LogGroupName").asText()).isEqualTo("ApiAccessLogs");
        assertThat(filter.path("FilterPattern").asText()).contains("$.status").contains("429");
        assertThat(filter.path("MetricTransformations")
                        .path(0)
                        .path("MetricNamespace")
                        .asText())
                .isEqualTo(metricsNamespace());
        assertThat(TEMPLATE.resource("HttpApi")
                        .path("Properties")
                        .path("AccessLogSettings")
                        .path("Format")
                        .asText())
                .contains("\"status\":\"$context.status\"");
    }

    @Test
    void an_outbox_stream_more_than_five_minutes_behind_raises_an_alarm() {
        JsonNode alarm = alarm("AWS/Lambda", "IteratorAge");
        assertThat(dimension(alarm, "FunctionName")).isEqualTo("NotifyFunction");
        assertThat(alarm.path("Statistic").asText()).isEqualTo("Maximum");
        assertFires(alarm, "GreaterThanThreshold", 5 * 60 * 1000);
    }

    @Test
    void ses_bounce_and_complaint_rates_alarm_well_under_the_lines_where_ses_reviews_the_account() {
        assertFires(alarm("AWS/SES", "Reputation.BounceRate"), "GreaterThanThreshold", 0.02);
        assertFires(alarm("AWS/SES", "Reputation.ComplaintRate"), "GreaterThanThreshold", 0.0005);
    }

    @Test
    void forty_five_minutes_without_a_completed_scheduled_expiry_raises_an_alarm() {
        JsonNode alarm = alarm(metricsNamespace(), Metric.EXPIRY_RUNS.cloudWatchName());
        assertFires(alarm, "LessThanThreshold", 1);
        assertThat(alarm.path("Period").asInt()
                        * alarm.path("EvaluationPeriods").asInt())
                .isEqualTo(45 * 60);
        assertThat(alarm.path("DatapointsToAlarm")
                        .asInt(alarm.path("EvaluationPeriods").asInt()))
                .isEqualTo(alarm.path("EvaluationPeriods").asInt());
        assertThat(alarm.path("TreatMissingData").asText())
                .as("no run writes no data point")
                .isEqualTo("breaching");
        String schedule = TEMPLATE.resource("AssignFunction")
                .path("Properties")
                .path("Events")
                .path("ExpireOffers")
                .path("Properties")
                .path("Schedule")
                .asText();
        assertThat(schedule).as("three periods each hold at least one run").isEqualTo("rate(15 minutes)");
    }

    // ------------------------------------------------------------------ metrics and dashboard

    @Test
    void the_functions_write_metrics_to_the_namespace_the_alarms_and_dashboard_read() {
        assertThat(TEMPLATE.globalEnvironment()).containsEntry(Config.METRICS_NAMESPACE, metricsNamespace());
        assertThat(metricsNamespace()).contains("${AWS::StackName}");
    }

    @Test
    void the_dashboard_shows_every_metric_the_code_writes_beside_latency_and_cold_starts() {
        JsonNode dashboards = TEMPLATE.resourcesOfType("AWS::CloudWatch::Dashboard")
                .values()
                .iterator()
                .next();
        String body = dashboards.path("Properties").path("DashboardBody").asText();
        for (Metric metric : Metric.values()) assertThat(body).contains("\"" + metric.cloudWatchName() + "\"");
        for (Template.Function function : TEMPLATE.functions()) {
            assertThat(body)
                    .contains("[\"AWS/Lambda\",\"Duration\",\"FunctionName\",\"${" + function.logicalId() + "}\"]");
            assertThat(body).contains("\"ColdStart\",\"Function\",\"${" + function.logicalId() + "}\"]");
        }
        assertThat(body).contains("\"stat\":\"p99\"");
        TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm")
                .keySet()
                .forEach(
                        id -> assertThat(body).as("the alarm panel lists " + id).contains("${" + id + ".Arn}"));
    }

    // ------------------------------------------------------------------ reading the template

    private static List<JsonNode> policies(String function) {
        List<JsonNode> policies = new ArrayList<>();
        TEMPLATE.resource(function).path("Properties").path("Policies").forEach(policies::add);
        return policies;
    }

    private static List<JsonNode> statements(String function) {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode policy : policies(function)) policy.path("Statement").forEach(statements::add);
        return statements;
    }

    private static Set<String> actions(String function, String prefix) {
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : statements(function)) {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            strings(statement.path("Action")).stream()
                    .filter(a -> a.startsWith(prefix))
                    .forEach(actions::add);
        }
        return actions;
    }

    private static Set<String> strings(JsonNode node) {
        Set<String> values = new TreeSet<>();
        if (node.isArray()) node.forEach(n -> values.add(n.isTextual() ? n.asText() : n.toString()));
        else if (!node.isMissingNode()) values.add(node.asText());
        return values;
    }

    private static String metricsNamespace() {
        return TEMPLATE.globalEnvironment().get(Config.METRICS_NAMESPACE);
    }

    private static List<JsonNode> alarms(String namespace, String metric) {
        return TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").values().stream()
                .map(a -> a.path("Properties"))
                .filter(a -> a.path("Namespace").asText().equals(namespace)
                        && a.path("MetricName").asText().equals(metric))
                .toList();
    }

    private static JsonNode alarm(String namespace, String metric) {
        List<JsonNode> found = alarms(namespace, metric);
        assertThat(found).as("one alarm on " + namespace + " " + metric).hasSize(1);
        return found.getFirst();
    }

    private static String dimension(JsonNode alarm, String name) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        alarm.path("Dimensions")
                .forEach(d ->
                        dimensions.put(d.path("Name").asText(), d.path("Value").asText()));
        assertThat(dimensions).containsKey(name);
        return dimensions.get(name);
    }

    private static void assertFires(JsonNode alarm, String comparison, double threshold) {
        assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo(comparison);
        assertThat(alarm.path("Threshold").asDouble()).isEqualTo(threshold);
    }

    /** The module's own production code; shared/ is checked to make none of these calls itself. */
    private static String mainSources(Template.Function function) {
        return sources(ROOT.resolve(Path.of(function.codeUri()).getParent().getParent())
                .resolve("src/main/java"));
    }

    private static String sources(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith("store/Store.java") && !f.endsWith("store/Transaction.java"))
                    .map(OperationsTemplateTest::read)
                    // The formatter wraps long calls: ".check(\n        Keys." reads as ".check(Keys.".
                    .map(code -> code.replaceAll("\\(\\s+", "("))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
