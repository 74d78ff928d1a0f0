package org.probono.clearinghouse.register.handler;

import org.probono.clearinghouse.testkit.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.register.wiring.Wiring;
import org.probono.clearinghouse.store.AuditItems;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.Store;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Drives RegisterFunction the way Lambda does: event JSON from events/ in, the entry class's output out.
 * Wired against the test backend with a clock the test controls.
 */
final class RegisterFunction {
    final LocalAws aws;
    final MovableClock clock;
    final RegisterHandler handler;
    final Store store;

    RegisterFunction(LocalAws aws, MovableClock clock, Map<String, String> configOverrides, DynamoDbClient dynamoDb) {
        this.aws = aws;
        this.clock = clock;
        Map<String, String> environment = new HashMap<>(aws.environment());
        environment.putAll(configOverrides);
        this.handler = new RegisterHandler(Wiring.create(Config.from(environment), dynamoDb, aws::kms, clock));
        this.store = new Store(aws.dynamoDb(), aws.tableName(), clock);
    }

    RegisterFunction(LocalAws aws, MovableClock clock, Map<String, String> configOverrides) {
        this(aws, clock, configOverrides, aws.dynamoDb());
    }

    RegisterFunction(LocalAws aws, MovableClock clock) { this(aws, clock, Map.of()); }

    /** An events/ file as a mutable tree. */
    static ObjectNode event(String file) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(Files.readString(Template.repositoryRoot().resolve("events/" + file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of an events/ file's request, as a mutable tree. */
    static ObjectNode body(String file) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(event(file).path("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event file with its body replaced. */
    static ObjectNode withBody(String file, JsonNode body) {
        ObjectNode event = event(file);
        event.put("body", Json.write(body));
        return event;
    }

    static ObjectNode verifyEvent(String token, boolean json) {
        ObjectNode event = event("register-verify.json");
        ((ObjectNode) event.path("queryStringParameters")).put("token", token);
        event.put("rawQueryString", "token=" + token);
        if (json) ((ObjectNode) event.path("headers")).put("accept", "application/json");
        return event;
    }

    static ObjectNode command(String file, Consumer<ObjectNode> change) {
        ObjectNode command = event(file);
        change.accept(command);
        return command;
    }

    JsonNode invoke(JsonNode event) { return invokeRaw(Json.write(event)); }

    JsonNode invokeRaw(String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        try {
            return Json.MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP answer: status, headers, and the body parsed when it is JSON. */
    record HttpAnswer(int status, Map<String, String> headers, String text) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String contentType() { return headers.get("Content-Type"); }
    }

    HttpAnswer http(JsonNode event) {
        JsonNode response = invoke(event);
        Map<String, String> headers = new HashMap<>();
        response.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        return new HttpAnswer(response.path("statusCode").asInt(), headers, response.path("body").asText());
    }

    /** Registers from an events/ file with the given body; asserts the 201 and returns the id. */
    String register(String file, JsonNode body) {
        HttpAnswer answer = http(withBody(file, body));
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().path("id").asText();
    }

    List<OutboxMessage> outbox() {
        return scan("OUTBOX").stream().map(OutboxItems::from)
                .sorted(java.util.Comparator.comparing(OutboxMessage::id)).toList();
    }

    /** The raw token an outbox email carries, opened as NotifyFunction opens it; null when it carries none. */
    String tokenOf(OutboxMessage email) {
        return email.sealedToken() == null ? null
                : new ConfidentialBox(aws.kms(), aws.environment().get("KMS_KEY_ID")).openToken(email.sealedToken(), email.id());
    }

    OutboxMessage lastEmailTo(String address) {
        return outbox().stream().filter(m -> m.to().equals(address)).reduce((a, b) -> b).orElseThrow();
    }

    List<AuditEvent> auditTrail(String subjectKey) {
        return store.partition(subjectKey, "EVENT#").stream().map(AuditItems::from).toList();
    }

    List<Item> scan(String entity) {
        return aws.dynamoDb().scanPaginator(s -> s.tableName(aws.tableName())
                        .filterExpression("entity = :e").expressionAttributeValues(Map.of(":e", AttributeValue.fromS(entity))))
                .items().stream().map(map -> Item.of(EnhancedDocument.fromAttributeValueMap(map))).toList();
    }
}
