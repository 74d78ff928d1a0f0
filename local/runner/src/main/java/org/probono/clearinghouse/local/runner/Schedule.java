package org.probono.clearinghouse.local.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.probono.clearinghouse.local.backend.AwsBackend;
import org.probono.clearinghouse.local.backend.Outage;
import org.probono.clearinghouse.local.backend.Template;

/**
 * The template's Schedule events, fired locally every {@code every} (a minute by default, whatever rate
 * the template sets, so that expiry can be watched without waiting a quarter of an hour) with the
 * EventBridge "Scheduled Event" that Lambda receives.
 */
final class Schedule implements AutoCloseable {
    /** One schedule event of the template, and the one line it prints when firing it stops working. */
    record Target(HostedFunction function, String ruleName, Outage outage) {
        Target(HostedFunction function, String ruleName) {
            this(
                    function,
                    ruleName,
                    Outage.onStandardError("The schedule " + ruleName + " (" + function.logicalId() + ")"));
        }
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-schedule");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Target> targets;
    private final Clock clock;

    private Schedule(List<Target> targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
    }

    static Schedule start(Template template, Functions functions, Duration every, Clock clock) {
        List<Target> targets = new ArrayList<>();
        for (Template.Function function : template.functions()) {
            function.events().forEach((name, event) -> {
                if (event.path("Type").asText().equals("Schedule")
                        && event.path("Properties").path("Enabled").asBoolean(true)) {
                    targets.add(new Target(functions.get(function.logicalId()), function.logicalId() + "-" + name));
                }
            });
        }
        Schedule schedule = new Schedule(List.copyOf(targets), clock);
        schedule.timer.scheduleAtFixedRate(
                schedule::fireAll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return schedule;
    }

    List<Target> targets() {
        return targets;
    }

    void fireAll() {
        for (Target target : targets) {
            try {
                target.function().invoke(RunnerJson.bytes(event(target.ruleName())));
                target.outage().worked();
            } catch (RuntimeException e) {
                target.outage().failed(Outage.describe(e.getCause() != null ? e.getCause() : e));
            }
        }
    }

    ObjectNode event(String ruleName) {
        ObjectNode event = RunnerJson.MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", HostedFunction.ACCOUNT);
        event.put("time", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        event.put("region", AwsBackend.REGION);
        event.putArray("resources")
                .add("arn:aws:events:" + AwsBackend.REGION + ":" + HostedFunction.ACCOUNT + ":rule/" + ruleName);
        event.putObject("detail");
        return event;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
