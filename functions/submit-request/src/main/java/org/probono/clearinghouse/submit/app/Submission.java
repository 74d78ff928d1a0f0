package org.probono.clearinghouse.submit.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.crypto.ConfidentialDetails;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.json.Metric;
import org.probono.clearinghouse.submit.app.NewRequest.Draft;

/**
 * {@code POST /requests}: an approved organisation asks for help. The request, its audit event, its place
 * in the queue, the acknowledgement and the team's alert, and the idempotency record are one transaction.
 *
 * <p>Idempotency: a key is remembered for 24 hours per organisation with a fingerprint of the body. The
 * fingerprint leaves the confidential details out (a hash of them in the table would let anyone holding
 * an export confirm a guess); a replay compares them against the request's sealed copy instead.
 * The same key with another body is {@link SubmitOutcome.KeyReused} (422, as the contract says).
 */
public final class Submission {
    static final Duration KEY_LIFETIME = Duration.ofHours(24);
    private static final int ATTEMPTS = 3;

    private final OrganisationRequests requests;
    private final RememberedSubmits remembered;
    private final ConfidentialDetails box;
    private final Ids ids;
    private final Clock clock;
    private final Mailboxes mailboxes;

    public Submission(
            OrganisationRequests requests,
            RememberedSubmits remembered,
            ConfidentialDetails box,
            Ids ids,
            Clock clock,
            Mailboxes mailboxes) {
        this.requests = requests;
        this.remembered = remembered;
        this.box = box;
        this.ids = ids;
        this.clock = clock;
        this.mailboxes = mailboxes;
    }

    public SubmitOutcome submit(Organisation org, Optional<String> key, NewRequest body) {
        String fingerprint = fingerprint(body);
        if (key.isPresent()) {
            // Before validating: a replay answers as the first time did, even once its deadline has passed.
            Optional<IdempotencyRecord> earlier = remembered.under(org.id(), key.get());
            if (earlier.isPresent()) return replay(earlier.get(), fingerprint, body);
        }
        Instant now = clock.instant();
        Draft draft = body.validate(now);
        LegalRequest request = newRequest(org, draft, now);
        String response = Json.write(new Accepted(request.id(), request.status()));
        Optional<IdempotencyRecord> record = key.map(k -> new IdempotencyRecord(
                org.id(), k, fingerprint, request.id(), 201, response, now, now.plus(KEY_LIFETIME)));
        List<OutboxMessage> mail = mail(org, request, now);

        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Outcome outcome =
                    requests.submit(request, "Request submitted.", "organisation:" + org.id(), mail, record, now);
            if (outcome instanceof Outcome.Rejected rejected) {
                if (key.isPresent()) {
                    // Lost a race for the same key: the winner's record now answers for both.
                    Optional<IdempotencyRecord> winner = remembered.under(org.id(), key.get());
                    if (winner.isPresent()) return replay(winner.get(), fingerprint, body);
                }
                if (rejected.failure() == Failure.WRONG_STATE) return new SubmitOutcome.NotApproved();
                if (rejected.failure() != Failure.CHANGED_CONCURRENTLY) {
                    throw new IllegalStateException("submit rejected: " + rejected.label());
                }
                continue;
            }
            Log.info(
                    "request submitted",
                    "requestId",
                    request.id(),
                    "organisationId",
                    org.id(),
                    "category",
                    request.category().name());
            Log.metric(Metric.REQUESTS_RECEIVED);
            return new SubmitOutcome.Created(request.id(), request.status());
        }
        return new SubmitOutcome.Busy();
    }

    /** The first response, if this is the same body; otherwise the key is being reused. */
    private SubmitOutcome replay(IdempotencyRecord earlier, String fingerprint, NewRequest body) {
        if (!earlier.fingerprint().equals(fingerprint) || !sameConfidentialDetails(earlier.requestId(), body)) {
            return new SubmitOutcome.KeyReused();
        }
        Log.info("submit replayed", "requestId", earlier.requestId());
        return new SubmitOutcome.Replayed(earlier.status(), Json.tree(earlier.responseBody()));
    }

    private boolean sameConfidentialDetails(String requestId, NewRequest body) {
        String sent =
                body.confidentialDetails() == null || body.confidentialDetails().isBlank()
                        ? null
                        : body.confidentialDetails().strip();
        String sealed =
                requests.request(requestId).map(LegalRequest::sealedDetails).orElse(null);
        if (sent == null || sealed == null) return sent == null && sealed == null;
        return MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8),
                box.open(sealed, requestId).getBytes(StandardCharsets.UTF_8));
    }

    private LegalRequest newRequest(Organisation org, Draft draft, Instant now) {
        String id = ids.next();
        String sealed = draft.confidentialDetails() == null ? null : box.seal(draft.confidentialDetails(), id);
        return new LegalRequest(
                id,
                org.id(),
                org.name(),
                RequestStatus.SUBMITTED,
                draft.category(),
                draft.title(),
                draft.summary(),
                sealed,
                draft.jurisdiction(),
                draft.language(),
                draft.deadline(),
                draft.counterparties(),
                now,
                null,
                null,
                1,
                null,
                null);
    }

    /** The acknowledgement to the organisation and the alert to the team; neither carries confidential text. */
    private List<OutboxMessage> mail(Organisation org, LegalRequest request, Instant now) {
        List<OutboxMessage> mail = new ArrayList<>();
        mail.add(OutboxMessage.of(
                ids.next(),
                EmailTemplate.REQUEST_ACKNOWLEDGED,
                org.contact().email(),
                org.contact().preferredLanguage(),
                Map.of(
                        "contactName", org.contact().name(),
                        "organisationName", org.name(),
                        "requestId", request.id(),
                        "title", request.title(),
                        "category", request.category().name(),
                        "webUrl", mailboxes.webUrl()),
                now));
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("organisationName", org.name());
        alert.put("requestId", request.id());
        alert.put("title", request.title());
        alert.put("category", request.category().name());
        alert.put("jurisdiction", request.jurisdiction());
        if (request.deadline() != null) alert.put("deadline", request.deadline().toString());
        mail.add(OutboxMessage.toTeam(ids.next(), EmailTemplate.ADMIN_NEW_REQUEST, mailboxes.adminEmail(), alert, now));
        return mail;
    }

    /** SHA-256 of the body's shareable fields as canonical JSON (field order fixed by the record). */
    static String fingerprint(NewRequest body) {
        return Secrets.hash(Json.write(body.shareable()));
    }

    /** The 201 body. */
    public record Accepted(String id, RequestStatus status) {}
}
