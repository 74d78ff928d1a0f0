package org.probono.clearinghouse.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.testkit.TestJson;

/** The runner itself, started in this JVM on moto: routing, the local endpoints, the form, CORS, start failures. */
class LocalRunnerTest {
    private static LocalRunner runner;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        runner = LocalRunner.start(RunnerSettings.forTest(Template.repositoryRoot(), Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        if (runner != null) runner.close();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(runner.url() + path));
    }

    @Test
    void the_web_form_is_served_at_the_root_with_the_api_url_of_this_runner() throws Exception {
        HttpResponse<String> page = send(at("/"));
        HttpResponse<String> config = send(at("/config.js"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("<form id=\"organisation-form\"");
        assertThat(config.body()).contains("window.CLEARINGHOUSE_API = \"" + runner.url() + "\"");
        assertThat(send(at("/../pom.xml")).statusCode()).isEqualTo(404);
    }

    @Test
    void a_template_route_reaches_its_function_with_the_api_gateway_event() throws Exception {
        HttpResponse<String> response = send(at("/organisations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        // RegisterFunction answers (a 400 for the empty body): not the runner's 404.
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
    }

    @Test
    void an_unknown_route_is_a_404_problem() throws Exception {
        HttpResponse<String> response = send(at("/nothing/here").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(TestJson.MAPPER.readTree(response.body()).path("status").asInt())
                .isEqualTo(404);
    }

    @Test
    void invoke_hands_the_body_to_the_named_function_and_returns_its_json() throws Exception {
        HttpResponse<String> response = send(at("/_local/invoke/RegisterFunction")
                .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"no-such-command\"}")));
        HttpResponse<String> unknown =
                send(at("/_local/invoke/NoSuchFunction").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestJson.MAPPER
                        .readTree(response.body())
                        .path("error")
                        .path("status")
                        .asInt())
                .isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("RegisterFunction", "NotifyFunction");
    }

    @Test
    void an_inbound_message_is_stored_raw_in_the_bucket_and_answered_202() throws Exception {
        byte[] raw = SesReceiptEventTest.REPLY.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = send(at("/_local/inbound?spf=FAIL")
                .header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode delivered = TestJson.MAPPER.readTree(response.body());
        assertThat(delivered.path("key").asText())
                .isEqualTo("inbound/" + delivered.path("messageId").asText());
        byte[] stored = runner.aws()
                .s3()
                .getObjectAsBytes(g -> g.bucket(delivered.path("bucket").asText())
                        .key(delivered.path("key").asText()))
                .asByteArray();
        assertThat(stored).isEqualTo(raw);
    }

    @Test
    void an_inbound_message_over_64_kib_is_stored_whole() throws Exception {
        String image = "iVBORw0KGgo".repeat(20_000); // an inline logo, base64, about 220 KB
        byte[] raw =
                (SesReceiptEventTest.REPLY.stripTrailing() + "\r\n" + image + "\r\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = send(at("/_local/inbound?spf=FAIL")
                .header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode delivered = TestJson.MAPPER.readTree(response.body());
        assertThat(runner.aws()
                        .s3()
                        .getObjectAsBytes(g -> g.bucket(delivered.path("bucket").asText())
                                .key(delivered.path("key").asText()))
                        .asByteArray())
                .hasSize(raw.length);
    }

    @Test
    void an_inbound_request_with_an_unknown_verdict_or_no_message_is_a_400() throws Exception {
        assertThat(send(at("/_local/inbound?dkim=MAYBE")
                                .POST(HttpRequest.BodyPublishers.ofString(SesReceiptEventTest.REPLY)))
                        .statusCode())
                .isEqualTo(400);
        assertThat(send(at("/_local/inbound").POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void the_mail_endpoint_lists_sent_mail_as_json() throws Exception {
        HttpResponse<String> response = send(at("/_local/mail"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestJson.MAPPER.readTree(response.body()).isArray()).isTrue();
    }

    @Test
    void cors_allows_the_configured_web_origin_only() throws Exception {
        HttpResponse<String> allowed = send(at("/requests")
                .header("Origin", runner.url())
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> other = send(at("/requests")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("access-control-allow-origin")).contains(runner.url());
        assertThat(allowed.headers().firstValue("access-control-allow-headers").orElse(""))
                .contains("authorization");
        assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void a_port_in_use_is_one_clear_sentence() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            RunnerSettings settings = new RunnerSettings(
                    taken.getLocalPort(),
                    Optional.empty(),
                    Optional.empty(),
                    Duration.ofHours(1),
                    Template.repositoryRoot());

            assertThatThrownBy(() -> LocalRunner.start(settings))
                    .isInstanceOf(StartFailure.class)
                    .hasMessage("Port " + taken.getLocalPort()
                            + " is already in use: stop whatever is listening there, "
                            + "or start on another port with PORT=" + (taken.getLocalPort() + 1) + " local/run.");
        }
    }

    @Test
    void bad_settings_are_one_clear_sentence() {
        assertThatThrownBy(() ->
                        RunnerSettings.fromEnvironment(java.util.Map.of("PORT", "http"), Template.repositoryRoot()))
                .hasMessage("PORT must be a whole number from 0 to 65535, not 'http'.");
        assertThatThrownBy(() -> RunnerSettings.fromEnvironment(
                        java.util.Map.of("AWS_ENDPOINT_URL", "nope"), Template.repositoryRoot()))
                .hasMessageContaining("is not a URL");
    }
}
