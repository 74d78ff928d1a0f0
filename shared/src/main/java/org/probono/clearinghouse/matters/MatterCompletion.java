package org.probono.clearinghouse.matters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.json.Log;

/**
 * Completing an accepted matter, by the team's {@code complete} command or by the accepting lawyer's
 * reply to the matter-details email ("DONE 6.5 hours: contract signed"). One transaction: the request
 * COMPLETED with its outcome and hours (under its version), the lawyer's load released, the audit
 * event, the report's running totals, and the organisation's email asking for feedback.
 */
public final class MatterCompletion {
    /** The reply address of the matter-details email lasts this long: matters can take months. */
    public static final Duration REPLY_TOKEN_LIFETIME = Duration.ofDays(365);

    private static final int ATTEMPTS = 3;

    public sealed interface Completed {
        record Done(String requestId) implements Completed {}

        record NotFound() implements Completed {}

        /** Only an ACCEPTED matter can be completed. */
        record NotAccepted(String requestId, RequestStatus status) implements Completed {}

        /** The request changed meanwhile; nothing was written. */
        record Busy(String requestId) implements Completed {}

        /** A reply whose token is unknown, expired or not a completion address. */
        record UnknownToken() implements Completed {}

        /** A reply from someone other than the lawyer who holds the matter. */
        record WrongSender(String requestId) implements Completed {}
    }

    private final Matters matters;
    private final Lawyers lawyers;
    private final Offers offers;
    private final MatterEmails emails;
    private final Clock clock;

    public MatterCompletion(Matters matters, Lawyers lawyers, Offers offers, MatterEmails emails, Clock clock) {
        this.matters = matters;
        this.lawyers = lawyers;
        this.offers = offers;
        this.emails = emails;
        this.clock = clock;
    }

    /** The token of a matter-details email's reply address, for the lawyer who accepted. */
    static Token replyToken(String token, String requestId, String lawyerId, Instant now) {
        return new Token(
                Secrets.hash(token),
                Token.Purpose.COMPLETION_REPLY,
                null,
                requestId,
                lawyerId,
                now.plus(REPLY_TOKEN_LIFETIME),
                null);
    }

    public Completed complete(String requestId, String outcome, double hoursSpent, String actor) {
        return complete(requestId, Optional.empty(), outcome, hoursSpent, actor);
    }

    /** The lawyer's reply: the token must be a completion address, the sender the lawyer it was given to. */
    public Completed completeByReply(String replyToken, String senderEmail, double hoursSpent, String outcome) {
        String normalised = Secrets.normaliseReplyToken(replyToken);
        if (normalised == null) return new Completed.UnknownToken();
        String hash = Secrets.hash(normalised);
        Optional<Token> token = offers.token(hash)
                .filter(found -> found.purpose() == Token.Purpose.COMPLETION_REPLY && found.lawyerId() != null)
                .filter(found -> !found.isExpired(clock.instant()));
        if (token.isEmpty()) return new Completed.UnknownToken();
        Optional<Lawyer> lawyer = lawyers.lawyer(token.get().lawyerId());
        if (lawyer.isEmpty()) return new Completed.UnknownToken();
        if (senderEmail == null
                || !senderEmail.strip().equalsIgnoreCase(lawyer.get().email())) {
            return new Completed.WrongSender(token.get().subjectId());
        }
        return complete(
                token.get().subjectId(),
                Optional.of(token.get().lawyerId()),
                outcome,
                hoursSpent,
                "lawyer:" + token.get().lawyerId());
    }

    /** A concurrent change (often only the day's running totals) is decided again on fresh reads, a few times. */
    private Completed complete(
            String requestId, Optional<String> byLawyer, String outcome, double hoursSpent, String actor) {
        Completed completed = new Completed.Busy(requestId);
        for (int attempt = 1; attempt <= ATTEMPTS && completed instanceof Completed.Busy; attempt++) {
            completed = attempt(requestId, byLawyer, outcome, hoursSpent, actor);
        }
        return completed;
    }

    private Completed attempt(
            String requestId, Optional<String> byLawyer, String outcome, double hoursSpent, String actor) {
        Optional<Matter> found = matters.matter(requestId);
        if (found.isEmpty()) return new Completed.NotFound();
        Matter matter = found.get();
        LegalRequest request = matter.request();
        if (request.status() != RequestStatus.ACCEPTED
                || byLawyer.isPresent() && !byLawyer.get().equals(request.lawyerId())) {
            return new Completed.NotAccepted(requestId, request.status());
        }
        Optional<Lawyer> lawyer = lawyers.lawyer(request.lawyerId());
        if (lawyer.isEmpty())
            throw new IllegalStateException("request " + requestId + " names a lawyer not in the table");
        Instant now = clock.instant();
        LegalRequest completed = request.completed(new LegalRequest.Completion(outcome, hoursSpent), now);
        MatterChange change = MatterChange.builder()
                .request(request, completed)
                .lawyer(lawyer.get(), lawyer.get().withLoadChange(-1))
                .audit(completed, "Completed: " + outcome, actor, now)
                .email(emails.requestCompleted(matter, lawyer.get(), outcome, now))
                .count(new Tally.Completed(completed))
                .build();
        if (matters.commit(change) instanceof Outcome.Rejected) return new Completed.Busy(requestId);
        Log.info("matter completed", "requestId", requestId, "by", actor.startsWith("lawyer:") ? "lawyer" : "team");
        return new Completed.Done(requestId);
    }
}
