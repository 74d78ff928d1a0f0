package org.probono.clearinghouse.notify.handler;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** SNS notifications (SES bounces and complaints): only the message each record carries. */
record SnsEvent(@JsonProperty("Records") List<Record> records) {
    record Record(@JsonProperty("Sns") Notification sns) {}

    record Notification(@JsonProperty("Message") String message) {}
}
