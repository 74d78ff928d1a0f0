package org.probono.clearinghouse.notify.handler;

import java.util.List;

/**
 * SNS notifications (SES bounces and complaints): only the message each record carries. Components are named
 * as the event's fields are, which is how {@code LambdaEvents.read} binds them.
 */
record SnsEvent(List<Record> Records) {
    record Record(Notification Sns) {}

    record Notification(String Message) {}
}
