package org.probono.clearinghouse.assign.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
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
import org.probono.clearinghouse.events.AdminCommand;
import org.probono.clearinghouse.events.AdminError;
import org.probono.clearinghouse.events.BadCommand;
import org.probono.clearinghouse.events.Invocation;
import org.probono.clearinghouse.events.SnapStartPriming;
import org.probono.clearinghouse.impact.ImpactFigures;
import org.probono.clearinghouse.json.Tree;

/** AssignFunction's entry: the team's admin commands and the scheduled expiry. */
public final class AssignHandler implements RequestStreamHandler {
    /** Read-only: the queue is one index query (the SDK's first request). */
    private static final String PRIMING_EVENT = "{\"command\":\"queue\"}";

    /** Read-only: an unknown request is looked up (GetItem) and answered 404. Never the schedule: it writes. */
    private static final String PRIMING_SUGGEST = "{\"command\":\"suggest\",\"requestId\":\"snapstart-priming\"}";

    private static final String TAKES =
            "an admin command (queue, show, suggest, assign, withdraw, complete, close, report,"
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

    private Object command(Tree event) {
        return answer(
                switch (AdminCommand.name(event)) {
                    case "queue" -> {
                        AdminCommand.read(event, AdminCommand.NoFields.class);
                        yield queue.list();
                    }
                    case "show" ->
                        showing.show(AdminCommand.read(event, AssignCommands.Show.class)
                                .requestId());
                    case "suggest" -> {
                        AssignCommands.Suggest read = AdminCommand.read(event, AssignCommands.Suggest.class);
                        yield suggesting.suggest(read.requestId(), read.limit());
                    }
                    case "assign" -> {
                        AssignCommands.Assign read = AdminCommand.read(event, AssignCommands.Assign.class);
                        yield offering.assign(
                                read.requestId(), read.lawyerIds(), read.assignedBy(), read.respondWithinHours());
                    }
                    case "withdraw" -> {
                        AssignCommands.Withdraw read = AdminCommand.read(event, AssignCommands.Withdraw.class);
                        yield changes.withdraw(read.requestId(), read.lawyerId(), read.reason(), read.withdrawnBy());
                    }
                    case "complete" -> {
                        AssignCommands.Complete read = AdminCommand.read(event, AssignCommands.Complete.class);
                        yield changes.complete(read.requestId(), read.outcome(), read.hoursSpent(), read.completedBy());
                    }
                    case "close" -> {
                        AssignCommands.Close read = AdminCommand.read(event, AssignCommands.Close.class);
                        yield changes.close(read.requestId(), read.reason(), read.closedBy());
                    }
                    case "report" -> {
                        AssignCommands.Report read = AdminCommand.read(event, AssignCommands.Report.class);
                        LocalDate from = read.fromDay();
                        LocalDate to = read.toDay();
                        ImpactFigures.invalidPeriod(from, to).ifPresent(why -> {
                            throw new BadCommand(why);
                        });
                        yield Result.done(impact.read(from, to).report());
                    }
                    case "monthly-report" ->
                        monthly.schedule(AdminCommand.read(event, AssignCommands.MonthlyReport.class)
                                .yearMonth());
                    default -> throw AdminCommand.unknown(event, "AssignFunction", AssignCommands.NAMES);
                });
    }

    private static Object answer(Result result) {
        return switch (result) {
            case Result.Done done -> done.body();
            case Result.Refused refused ->
                new AdminError(refused.status(), refused.title(), refused.detail()).toResult();
        };
    }
}
