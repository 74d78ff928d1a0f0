package org.probono.clearinghouse.register.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.register.wiring.Wiring;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.testkit.MovableClock;
import org.probono.clearinghouse.testkit.TableFixture;
import org.probono.clearinghouse.testkit.TestEvents;
import org.probono.clearinghouse.testkit.TestJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Drives RegisterFunction the way Lambda does: event JSON from events/ in, the entry class's output out.
 * Wired against the test backend with a clock the test controls.
 */
final class RegisterFunction {
    final LocalAws aws;
    final MovableClock clock;
    final RegisterHandler handler;
    final TableFixture table;
    final Store store;

    RegisterFunction(LocalAws aws, MovableClock clock, Map<String, String> configOverrides, DynamoDbClient dynamoDb) {
        this.aws = aws;
        this.clock = clock;
        Map<String, String> environment = new HashMap<>(aws.environment());
        environment.putAll(configOverrides);
        this.handler = new RegisterHandler(Wiring.create(Config.from(environment), dynamoDb, aws::kms, clock));
        this.table = new TableFixture(aws, clock);
        this.store = table.store();
    }

    RegisterFunction(LocalAws aws, MovableClock clock, Map<String, String> configOverrides) {
        this(aws, clock, configOverrides, aws.dynamoDb());
    }

    RegisterFunction(LocalAws aws, MovableClock clock) {
        this(aws, clock, Map.of());
    }

    /** An events/ file as a mutable tree. */
    static ObjectNode event(String file) {
        return TestEvents.file(file).json();
    }

    /** The body of an events/ file's request, as a mutable tree. */
    static ObjectNode body(String file) {
        try {
            return (ObjectNode)
                    TestJson.MAPPER.readTree(event(file).path("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event file with its body replaced. */
    static ObjectNode withBody(String file, JsonNode body) {
        return TestEvents.http(file).body(body).json();
    }

    static ObjectNode verifyEvent(String token, boolean json) {
        TestEvents.HttpApi event = TestEvents.http("register-verify.json").query("token", token);
        event.with("rawQueryString", "token=" + token);
        if (json) event.header("accept", "application/json");
        return event.json();
    }

    static ObjectNode command(String file, Consumer<ObjectNode> change) {
        ObjectNode command = event(file);
        change.accept(command);
        return command;
    }

    JsonNode invoke(JsonNode event) {
        return invokeRaw(TestJson.write(event));
    }

    JsonNode invokeRaw(String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        try {
            return TestJson.MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP answer: status, headers, and the body parsed when it is JSON. */
    record HttpAnswer(int status, Map<String, String> headers, String text) {
        JsonNode json() {
            try {
                return TestJson.MAPPER.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String contentType() {
            return headers.get("Content-Type");
        }
    }

    HttpAnswer http(JsonNode event) {
        JsonNode response = invoke(event);
        Map<String, String> headers = new HashMap<>();
        response.path("headers")
                .properties()
                .forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        return new HttpAnswer(
                response.path("statusCode").asInt(),
                headers,
                response.path("body").asText());
    }

    /** Registers from an events/ file with the given body; asserts the 201 and returns the id. */
    String register(String file, JsonNode body) {
        HttpAnswer answer = http(withBody(file, body));
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().path("id").asText();
    }
}
