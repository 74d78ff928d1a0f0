package org.probono.clearinghouse.events;

import org.probono.clearinghouse.json.Tree;

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

    public static EventShape of(Tree event) {
        if (event == null || !event.isObject()) return UNKNOWN;
        if ("2.0".equals(event.path("version").text()) && event.has("routeKey") && event.has("requestContext")) {
            return HTTP_API;
        }
        if (event.path("command").isText()) return ADMIN_COMMAND;
        if ("aws.events".equals(event.path("source").text())
                && "Scheduled Event".equals(event.path("detail-type").text())) {
            return SCHEDULE;
        }
        Tree first = event.path("Records").path(0);
        if ("aws:dynamodb".equals(first.path("eventSource").text())) return DYNAMODB_STREAM;
        if ("aws:ses".equals(first.path("eventSource").text())) return SES_RECEIPT;
        if ("aws:sns".equals(first.path("EventSource").text())) return SNS;
        return UNKNOWN;
    }
}
