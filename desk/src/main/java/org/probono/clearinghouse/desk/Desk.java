package org.probono.clearinghouse.desk;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The in-house team's command line: the admin commands of RegisterFunction, AssignFunction and NotifyFunction
 * with readable output, short ids, and the local runner or a deployed stack as the target. desk/desk runs it.
 */
public final class Desk {
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final BooleanSupplier runnerOnDefaultPort;

    Desk(Map<String, String> environment, PrintStream out, PrintStream err, BooleanSupplier runnerOnDefaultPort) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.runnerOnDefaultPort = runnerOnDefaultPort;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Desk(System.getenv(), out, err, LocalRunnerTarget::answersOnDefaultPort).run(args));
    }

    /** Runs one command line; the answer is the exit code (see {@link ExitCode}). */
    int run(String... args) {
        try {
            Arguments arguments = Arguments.parse(args);
            if (arguments.words().isEmpty()) {
                (arguments.has("help") ? out : err).print(Command.overview());
                return arguments.has("help") ? ExitCode.OK.code : ExitCode.USAGE.code;
            }
            String word = arguments.words().getFirst();
            Command command = Command.named(word)
                    .orElseThrow(
                            () -> DeskFailure.usage("Unknown command '" + word + "'; desk help lists the commands."));
            if (command == Command.HELP) return help(arguments.rest());
            if (arguments.has("help")) {
                out.print(command.help());
                return ExitCode.OK.code;
            }
            arguments.allowOnly(command.word, command.options);
            run(command, arguments, session(arguments));
            return ExitCode.OK.code;
        } catch (DeskFailure failure) {
            err.println("desk: " + failure.getMessage());
            return failure.exitCode.code;
        }
    }

    private int help(List<String> words) {
        if (words.isEmpty()) {
            out.print(Command.overview());
            return ExitCode.OK.code;
        }
        Command command = Command.named(words.getFirst())
                .orElseThrow(() ->
                        DeskFailure.usage("No command '" + words.getFirst() + "'; desk help lists the commands."));
        out.print(command.help());
        return ExitCode.OK.code;
    }

    private void run(Command command, Arguments arguments, Session session) {
        List<String> words = arguments.rest();
        switch (command) {
            case PENDING -> {
                noWords(command, words);
                new Registrations(session).pending();
            }
            case APPROVE -> new Registrations(session).approve(words);
            case REJECT -> new Registrations(session).reject(words, required(arguments, command, "reason"));
            case QUEUE -> {
                noWords(command, words);
                new Matters(session).queue();
            }
            case SHOW -> new Matters(session).show(words);
            case SUGGEST -> new Matters(session).suggest(words, arguments.integer("limit", 1, 20));
            case ASSIGN -> new Matters(session).assign(words, arguments.integer("hours", 1, 168));
            case WITHDRAW -> new Matters(session).withdraw(words, arguments.option("reason"));
            case COMPLETE -> {
                String outcome = required(arguments, command, "outcome");
                double hours = arguments.number("hours", 0, 10_000).orElseThrow(() -> missing(command, "hours"));
                new Matters(session).complete(words, hours, outcome);
            }
            case CLOSE -> new Matters(session).close(words, required(arguments, command, "reason"));
            case REPORT -> new ImpactReport(session).run(words, arguments.has("csv"));
            case EMAILS -> {
                noWords(command, words);
                new Emails(session).pending(arguments.integer("older-than", 0, 10_080));
            }
            case RESEND -> new Emails(session).resend(words);
            case HELP -> throw new IllegalStateException("help is answered before a target is chosen");
        }
    }

    private Session session(Arguments arguments) {
        Target target = target(arguments);
        ZoneId zone = arguments
                .option("zone")
                .map(Desk::zone)
                .or(target::zone)
                .or(() -> Optional.ofNullable(environment.get("DESK_TIME_ZONE"))
                        .filter(z -> !z.isBlank())
                        .map(Desk::zone))
                .orElse(Times.DEFAULT_ZONE);
        String actor = arguments
                .option("by")
                .or(() -> Optional.ofNullable(environment.get("DESK_USER")))
                .filter(name -> !name.isBlank())
                .orElseGet(() -> System.getProperty("user.name", "desk"));
        return new Session(target, new Times(zone), actor, arguments.has("json"), out);
    }

    /** --local URL, --stack NAME, or the local runner when one answers on port 3000. */
    private Target target(Arguments arguments) {
        Optional<String> local = arguments.option("local");
        Optional<String> stack = arguments.option("stack");
        if (local.isPresent() && stack.isPresent()) throw DeskFailure.usage("Give --local or --stack, not both.");
        if (arguments.has("region") && stack.isEmpty()) throw DeskFailure.usage("--region goes with --stack NAME.");
        if (stack.isPresent()) {
            if (stack.get().isBlank()) throw DeskFailure.usage("--stack needs the stack's name.");
            Optional<URI> endpoint = Optional.ofNullable(environment.get("AWS_ENDPOINT_URL"))
                    .filter(e -> !e.isBlank())
                    .map(URI::create);
            return StackTarget.connect(stack.get().strip(), arguments.option("region"), endpoint);
        }
        if (local.isPresent()) return LocalRunnerTarget.at(local.get());
        if (runnerOnDefaultPort.getAsBoolean()) return LocalRunnerTarget.at(LocalRunnerTarget.DEFAULT.toString());
        throw new DeskFailure(
                ExitCode.UNREACHABLE,
                "No local runner answers on " + LocalRunnerTarget.DEFAULT
                        + "; start one with local/run, or name a deployed stack with --stack NAME.");
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw DeskFailure.usage("'" + name + "' is not a time zone; use a name such as Asia/Kolkata.");
        }
    }

    private static String required(Arguments arguments, Command command, String option) {
        return arguments.option(option).filter(value -> !value.isBlank()).orElseThrow(() -> missing(command, option));
    }

    private static DeskFailure missing(Command command, String option) {
        return DeskFailure.usage("desk " + command.word + " needs --" + option + ": " + command.usage() + ".");
    }

    private static void noWords(Command command, List<String> words) {
        if (!words.isEmpty())
            throw DeskFailure.usage(
                    "desk " + command.word + " takes no arguments, not '" + String.join(" ", words) + "'.");
    }
}
