package org.probono.clearinghouse.assign.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import org.probono.clearinghouse.assign.app.MatterChanges;
import org.probono.clearinghouse.assign.app.MatterShowing;
import org.probono.clearinghouse.assign.app.MonthlyReport;
import org.probono.clearinghouse.assign.app.OfferExpiry;
import org.probono.clearinghouse.assign.app.Offering;
import org.probono.clearinghouse.assign.app.QueueListing;
import org.probono.clearinghouse.assign.app.Result;
import org.probono.clearinghouse.assign.app.Suggesting;
import org.probono.clearinghouse.assign.wiring.Wiring;
import org.probono.clearinghouse.events.AdminError;
import org.probono.clearinghouse.events.Invocation;
import org.probono.clearinghouse.events.SnapStartPriming;
import org.probono.clearinghouse.impact.ImpactFigures;

/** AssignFunction's entry: the team's admin commands and the scheduled expiry. */
public final class AssignHandler implements RequestStreamHandler {
    /** Read-only: the queue is one index query (the SDK's first request). */
    private static final String PRIMING_EVENT = "{\"command\":\"queue\"}";

    /** Read-only: an unknown request is looked up (GetItem) and answered 404. Never the schedule: it writes. */
    private static final String PRIMING_SUGGEST = "{\"command\":\"suggest\",\"requestId\":\"snapstart-priming\"}";

    private static final String TAKES = "an admin command (queue, show, suggest, assign, withdraw, complete, close, report,"
            + " monthly-report)"
            + " or the EventBridge schedule";

    private final QueueListing queue;
    private final MatterShowing showing;
    private final Suggesting suggesting;
    private final Offering offering;
    private final MatterChanges changes;
    private final OfferExpiry expiry;
    private final ImpactFigures impact;
    private final MonthlyReport monthly;

    public AssignHandler() {
        this(Wiring.fromEnvironment());
        SnapStartPriming.register(this, PRIMING_EVENT, PRIMING_SUGGEST);
    }

    public AssignHandler(Wiring wiring) {
        this.queue = wiring.queue();
        this.showing = wiring.showing();
        this.suggesting = wiring.suggesting();
        this.offering = wiring.offering();
        this.changes = wiring.changes();
        this.expiry = wiring.expiry();
        this.impact = wiring.impact();
        this.monthly = wiring.monthly();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Invocation.run(input, output, context, (shape, event) -> switch (shape) {
            case ADMIN_COMMAND -> command(event);
            case SCHEDULE -> expiry.run();
            default -> Invocation.unknown(shape, TAKES);
        });
    }

    private Object command(JsonNode event) {
        try {
            return answer(switch (event.path("command").asText()) {
                case "queue" -> {
                    new CommandReader(event);
                    yield queue.list();
                }
                case "show" -> {
                    CommandReader read = new CommandReader(event, "requestId");
                    yield showing.show(read.id("requestId"));
                }
                case "suggest" -> {
                    CommandReader read = new CommandReader(event, "requestId", "limit");
                    yield suggesting.suggest(read.id("requestId"), read.integer("limit", 1, 20, 5));
                }
                case "assign" -> {
                    CommandReader read = new CommandReader(event, "requestId", "lawyerIds", "assignedBy", "respondWithinHours");
                    yield offering.assign(read.id("requestId"), read.ids("lawyerIds", 1, 3), read.text("assignedBy"),
                            read.integer("respondWithinHours", 1, 168, Offering.DEFAULT_HOURS));
                }
                case "withdraw" -> {
                    CommandReader read = new CommandReader(event, "requestId", "lawyerId", "reason", "withdrawnBy");
                    yield changes.withdraw(read.id("requestId"), read.id("lawyerId"), read.optionalText("reason", ""),
                            read.optionalText("withdrawnBy", "admin"));
                }
                case "complete" -> {
                    CommandReader read = new CommandReader(event, "requestId", "outcome", "hoursSpent", "completedBy");
                    yield changes.complete(read.id("requestId"), read.text("outcome"), read.number("hoursSpent", 0, 10_000),
                            read.optionalText("completedBy", "admin"));
                }
                case "close" -> {
                    CommandReader read = new CommandReader(event, "requestId", "reason", "closedBy");
                    yield changes.close(read.id("requestId"), read.text("reason"), read.optionalText("closedBy", "admin"));
                }
                case "report" -> {
                    CommandReader read = new CommandReader(event, "from", "to");
                    LocalDate from = read.day("from");
                    LocalDate to = read.day("to");
                    ImpactFigures.invalidPeriod(from, to).ifPresent(why -> { throw new BadCommand(why); });
                    yield Result.done(impact.read(from, to).report());
                }
                case "monthly-report" -> {
                    CommandReader read = new CommandReader(event, "month");
                    yield monthly.schedule(read.optionalMonth("month"));
                }
                default -> throw new BadCommand("Unknown command '" + event.path("command").asText()
                        + "'; AssignFunction takes queue, show, suggest, assign, withdraw, complete, close, report,"
                        + " monthly-report.");
            });
        } catch (BadCommand e) {
            return AdminError.badCommand(e.getMessage());
        }
    }

    private static Object answer(Result result) {
        return switch (result) {
            case Result.Done done -> done.body();
            case Result.Refused refused -> new AdminError(refused.status(), refused.title(), refused.detail()).toResult();
        };
    }
}
