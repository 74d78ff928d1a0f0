package org.probono.clearinghouse.local.runner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.StreamPump;
import org.probono.clearinghouse.local.backend.Template;

/**
 * Lambda's event source mappings for the table's stream: one {@link StreamPump} per function with a
 * DynamoDB event in template.yaml (its filter, batch size, starting position and partial batch
 * failures), polling in the background.
 */
final class StreamDelivery implements AutoCloseable {
    private final List<StreamPump> pumps;

    private StreamDelivery(List<StreamPump> pumps) {
        this.pumps = pumps;
    }

    static StreamDelivery start(LocalAws aws, Template template, Functions functions) {
        List<StreamPump> pumps = new ArrayList<>();
        for (Template.Function function : template.functions()) {
            function.events().forEach((name, event) -> {
                if (!event.path("Type").asText().equals("DynamoDB")) return;
                HostedFunction hosted = functions.get(function.logicalId());
                StreamPump.StartingPosition start = StreamPump.StartingPosition.valueOf(
                        event.path("Properties").path("StartingPosition").asText("LATEST"));
                pumps.add(StreamPump.forFunction(
                        aws,
                        template,
                        function.logicalId(),
                        start,
                        batch -> new String(
                                hosted.invoke(batch.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)));
            });
        }
        pumps.forEach(StreamPump::start);
        return new StreamDelivery(List.copyOf(pumps));
    }

    /** Delivers what is waiting now, without waiting for the next background poll. */
    void deliverPending() {
        pumps.forEach(StreamPump::pollOnce);
    }

    @Override
    public void close() {
        pumps.forEach(StreamPump::close);
    }
}
