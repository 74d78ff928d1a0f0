package org.probono.clearinghouse.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What kind of invocation a function received, told by the event's shape. An entry class with several
 * triggers switches on this and hands the event, converted by {@link LambdaEvents}, to a typed handler.
 */
public enum EventShape {
    /** API Gateway HTTP API, payload format 2.0. */
    HTTP_API,
    /** An admin's direct invocation: a JSON object with a {@code command}. */
    ADMIN_COMMAND,
    /** DynamoDB stream records. */
    DYNAMODB_STREAM,
    /** SES receipt rule: a received email. */
    SES_RECEIPT,
    /** SNS notifications (SES bounces and complaints). */
    SNS,
    /** An EventBridge scheduled event. */
    SCHEDULE,
    UNKNOWN;

    public static EventShape of(JsonNode event) {
        if (event == null || !event.isObject()) return UNKNOWN;
        if (event.path("version").asText().equals("2.0") && event.has("routeKey") && event.has("requestContext")) {
            return HTTP_API;
        }
        if (event.path("command").isTextual()) return ADMIN_COMMAND;
        if (event.path("source").asText().equals("aws.events")
                && event.path("detail-type").asText().equals("Scheduled Event")) {
            return SCHEDULE;
        }
        JsonNode first = event.path("Records").path(0);
        if (first.path("eventSource").asText().equals("aws:dynamodb")) return DYNAMODB_STREAM;
        if (first.path("eventSource").asText().equals("aws:ses")) return SES_RECEIPT;
        if (first.path("EventSource").asText().equals("aws:sns")) return SNS;
        return UNKNOWN;
    }
}
