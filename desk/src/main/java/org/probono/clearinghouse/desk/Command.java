package org.probono.clearinghouse.desk;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Every desk command: its name, its synopsis, what it does, and the options it takes (desk help shows these). */
enum Command {
    PENDING("pending", "", "Registrations waiting for review, oldest first.", Set.of(), """
            Organisations and lawyers who verified their email address and wait for the team's decision.
            The ID column shows short ids: any unique start of an id works in approve and reject."""),
    APPROVE("approve", "[organisation|lawyer] ID [--by NAME]", "Approve a registration.", Set.of("by"), """
            An approved organisation gets its access token by email; an approved lawyer can be offered matters.
            ID is a registration's id or a unique start of it (desk pending). The kind may be left out: the
            pending list says it. --by names the reviewer in the audit trail (default: $DESK_USER, else your
            login name)."""),
    REJECT(
            "reject",
            "[organisation|lawyer] ID --reason TEXT [--by NAME]",
            "Reject a registration, saying why.",
            Set.of("by", "reason"),
            """
            The registrant is told the reason by email, and the address may register again."""),
    QUEUE("queue", "", "Open requests, most urgent first.", Set.of(), """
            SUBMITTED and OFFERED requests: deadline first (none last), then oldest. OFFERS counts the pending
            offers and shows when the first is due. Times are in the deployment's time zone."""),
    SHOW("show", "REQUEST", "One request: details, offers and their state, history.", Set.of(), """
            Every offer with its lawyer, state, respond-by time and the lawyer's note (a decline reason), and the
            request's history. Never the confidential details. REQUEST: an id, or a unique start of an id in the
            queue (a request no longer open is named by its full id)."""),
    SUGGEST("suggest", "REQUEST [--limit N]", "Lawyers who could take a request, best first.", Set.of("limit"), """
            Candidates with their score (0-100) and the reasons for it. Lawyers with a conflict, no capacity, a
            pause, an earlier answer to this request or another practice area are left out. --limit 1 to 20
            (default 5)."""),
    ASSIGN(
            "assign",
            "REQUEST LAWYER [LAWYER...] [--hours N] [--by NAME]",
            "Offer a request to one to three lawyers.",
            Set.of("hours", "by"),
            """
            Each lawyer gets an offer email and answers by replying; the first to accept takes the matter.
            LAWYER: an id or a unique start of one among the request's suggestions (desk suggest). --hours is
            the time to answer, 1 to 168 (default 24), shortened to the request's deadline."""),
    WITHDRAW(
            "withdraw",
            "REQUEST LAWYER [--reason TEXT] [--by NAME]",
            "Withdraw a pending offer.",
            Set.of("reason", "by"),
            """
            The lawyer's offer is withdrawn; with no offer left pending, the request is back in the queue.
            LAWYER: an id or a unique start of one among the request's offers (desk show)."""),
    COMPLETE(
            "complete",
            "REQUEST --hours H --outcome TEXT [--by NAME]",
            "Record an accepted matter as completed.",
            Set.of("hours", "outcome", "by"),
            """
            For a lawyer who told the team rather than replying DONE. --hours is the time the lawyer gave
            (6.5), --outcome one line on what was done. The organisation is told and asked for feedback.
            Only an ACCEPTED request can be completed; name it by its full id (it is not in the queue)."""),
    CLOSE(
            "close",
            "REQUEST --reason TEXT [--by NAME]",
            "Close an open request the team cannot match.",
            Set.of("reason", "by"),
            """
            Pending offers are withdrawn and the organisation is told, with the reason."""),
    REPORT(
            "report",
            "MONTH | FROM TO [--csv]",
            "The impact report of requests created in a period.",
            Set.of("csv"),
            """
            MONTH is YYYY-MM (desk report 2026-11); FROM and TO are days, YYYY-MM-DD, both included, in the
            deployment's time zone. Prints a readable summary; --csv prints the same figures as CSV rows
            (section,key,name,measure,value) for a spreadsheet."""),
    EMAILS(
            "emails",
            "--pending [--older-than MINUTES]",
            "Emails not sent yet (stuck in the outbox).",
            Set.of("pending", "older-than"),
            """
            Outbox emails still PENDING, created at least MINUTES ago (default 15; 0 lists every one), oldest
            first: id, template, recipient and time, never the email's content. See docs/operations.md before
            resending."""),
    RESEND("resend", "EMAIL", "Send a stuck email again.", Set.of(), """
            EMAIL: an outbox id or a unique start of one among the pending emails (desk emails --pending).
            Resend only what the stream has given up on (docs/operations.md, Emails that failed)."""),
    HELP("help", "[COMMAND]", "This list, or one command in full.", Set.of(), """
            desk help COMMAND explains a command and its options.""");

    final String word;
    final String synopsis;
    final String summary;
    final Set<String> options;
    final String details;

    Command(String word, String synopsis, String summary, Set<String> options, String details) {
        this.word = word;
        this.synopsis = synopsis;
        this.summary = summary;
        this.options = options;
        this.details = details;
    }

    static Optional<Command> named(String word) {
        return Arrays.stream(values())
                .filter(command -> command.word.equals(word))
                .findFirst();
    }

    String usage() {
        return ("desk " + word + " " + synopsis).strip();
    }

    static final String COMMON = """
            Target (one of them; the default is the local runner when one answers on port 3000):
              --local URL     the local runner (local/run), e.g. http://localhost:3000
              --stack NAME    a deployed stack: its functions, with your AWS credentials (as sam remote invoke)
              --region NAME   the stack's region (default: AWS_REGION or your AWS profile's)
            Output:
              --json          the functions' JSON as it is
              --zone ZONE     show times in this time zone (default: the stack's TimeZone, else $DESK_TIME_ZONE, else Asia/Kolkata)
            Exit codes: 0 done, 1 refused (bad field), 2 bad command line, 3 not found, 4 conflict (wrong state),
              5 target unreachable (no runner, no stack, no credentials), 6 the function failed.""";

    static String overview() {
        StringBuilder text =
                new StringBuilder("desk: the in-house team's commands, without writing JSON.\n\nCommands:\n");
        for (Command command : values()) {
            text.append("  ")
                    .append(String.format("%-10s", command.word))
                    .append(command.summary)
                    .append('\n');
        }
        return text.append("\nRun desk help COMMAND for one command in full.\n\n")
                .append(COMMON)
                .append('\n')
                .toString();
    }

    String help() {
        return "Usage: " + usage() + "\n\n" + summary + "\n" + details + "\n\n" + COMMON + "\n";
    }
}
