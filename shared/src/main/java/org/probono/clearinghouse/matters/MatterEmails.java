package org.probono.clearinghouse.matters;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.crypto.TokenSealer;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.ids.Ids;

/**
 * The outbox items of the matching, with exactly the data keys docs/emails.md lists, each in its
 * recipient's language (the team's in English). Nothing here reads confidential details: only
 * {@link #matterDetails} carries them, still sealed.
 */
public final class MatterEmails {
    private final Ids ids;
    private final String adminEmail;

    public MatterEmails(Ids ids, String adminEmail) {
        this.ids = ids;
        this.adminEmail = adminEmail;
    }

    /**
     * The offer (or its reminder) to a lawyer; {@code replyToken} becomes the Reply-To address, and rides in
     * the item only as {@code sealer} seals it.
     */
    public OutboxMessage offer(
            EmailTemplate template,
            Matter matter,
            Lawyer lawyer,
            Instant respondBy,
            String replyToken,
            TokenSealer sealer,
            Instant at) {
        LegalRequest request = matter.request();
        Map<String, Object> data = data(
                "lawyerName", lawyer.name(),
                "requestId", request.id(),
                "organisationName", matter.organisation().name(),
                "category", request.category().name(),
                "title", request.title(),
                "summary", request.summary(),
                "jurisdiction", request.jurisdiction(),
                "language", request.language(),
                "deadline", text(request.deadline()),
                "respondBy", text(respondBy));
        data.put("counterparties", request.counterparties());
        String id = ids.next();
        return new OutboxMessage(
                id, template, lawyer.email(), lawyer.preferredLanguage(), data, sealer.seal(replyToken, id), null, at);
    }

    /**
     * The confidential details to the lawyer who accepted; {@code replyToken} (a COMPLETION_REPLY token) becomes
     * the Reply-To address by which the lawyer completes the matter, sealed like an offer's.
     */
    public OutboxMessage matterDetails(
            Matter matter, Lawyer lawyer, String replyToken, TokenSealer sealer, Instant at) {
        LegalRequest request = matter.request();
        Organisation org = matter.organisation();
        Map<String, Object> data = data(
                "lawyerName", lawyer.name(),
                "requestId", request.id(),
                "title", request.title(),
                "category", request.category().name(),
                "summary", request.summary(),
                "jurisdiction", request.jurisdiction(),
                "deadline", text(request.deadline()),
                "organisationName", org.name(),
                "contactName", org.contact().name(),
                "contactEmail", org.contact().email(),
                "contactPhone", org.contact().phone());
        String id = ids.next();
        return new OutboxMessage(
                id,
                EmailTemplate.MATTER_DETAILS_TO_LAWYER,
                lawyer.email(),
                lawyer.preferredLanguage(),
                data,
                sealer.seal(replyToken, id),
                request.sealedDetails(),
                at);
    }

    public OutboxMessage introduction(Matter matter, Lawyer lawyer, Instant at) {
        Organisation org = matter.organisation();
        return toOrganisation(
                EmailTemplate.INTRODUCTION_TO_ORGANISATION,
                matter,
                at,
                "lawyerName",
                lawyer.name(),
                "lawyerFirm",
                lawyer.firm(),
                "lawyerEmail",
                lawyer.email());
    }

    public OutboxMessage requestClosed(Matter matter, String reason, Instant at) {
        return toOrganisation(EmailTemplate.REQUEST_CLOSED, matter, at, "reason", reason);
    }

    public OutboxMessage requestCompleted(Matter matter, Lawyer lawyer, String outcome, Instant at) {
        return toOrganisation(
                EmailTemplate.REQUEST_COMPLETED, matter, at, "lawyerName", lawyer.name(), "outcome", outcome);
    }

    public OutboxMessage offerFilled(Matter matter, Lawyer lawyer, Instant at) {
        return toLawyer(EmailTemplate.OFFER_FILLED, matter, lawyer, at);
    }

    public OutboxMessage alreadyTaken(Matter matter, Lawyer lawyer, Instant at) {
        return toLawyer(EmailTemplate.ALREADY_TAKEN, matter, lawyer, at);
    }

    public OutboxMessage offerWithdrawn(Matter matter, Lawyer lawyer, String reason, Instant at) {
        return toLawyer(EmailTemplate.OFFER_WITHDRAWN, matter, lawyer, at, "reason", reason);
    }

    /** To the team: the organisation withdrew its request. */
    public OutboxMessage requestWithdrawn(Matter matter, Instant at) {
        return toAdmin(
                EmailTemplate.REQUEST_WITHDRAWN,
                matter,
                at,
                "organisationName",
                matter.organisation().name());
    }

    public OutboxMessage adminAccepted(Matter matter, Lawyer lawyer, Instant at) {
        return toAdmin(
                EmailTemplate.ADMIN_ACCEPTED,
                matter,
                at,
                "lawyerName",
                lawyer.name(),
                "organisationName",
                matter.organisation().name());
    }

    public OutboxMessage adminDeclined(Matter matter, Lawyer lawyer, String reason, List<Candidate> next, Instant at) {
        OutboxMessage message =
                toAdmin(EmailTemplate.ADMIN_OFFER_DECLINED, matter, at, "lawyerName", lawyer.name(), "reason", reason);
        Map<String, Object> data = new LinkedHashMap<>(message.data());
        data.put("suggestions", next.stream().map(Candidate::label).toList());
        return OutboxMessage.toTeam(message.id(), message.template(), message.to(), data, at);
    }

    public OutboxMessage adminExpired(Matter matter, Lawyer lawyer, Instant at) {
        return toAdmin(EmailTemplate.ADMIN_OFFER_EXPIRED, matter, at, "lawyerName", lawyer.name());
    }

    private OutboxMessage toLawyer(EmailTemplate template, Matter matter, Lawyer lawyer, Instant at, String... more) {
        Map<String, Object> data = data(
                "lawyerName",
                lawyer.name(),
                "requestId",
                matter.request().id(),
                "title",
                matter.request().title());
        data.putAll(data(more));
        return OutboxMessage.of(ids.next(), template, lawyer.email(), lawyer.preferredLanguage(), data, at);
    }

    private OutboxMessage toOrganisation(EmailTemplate template, Matter matter, Instant at, String... more) {
        Organisation org = matter.organisation();
        Map<String, Object> data = data(
                "contactName",
                org.contact().name(),
                "organisationName",
                org.name(),
                "requestId",
                matter.request().id(),
                "title",
                matter.request().title());
        data.putAll(data(more));
        return OutboxMessage.of(
                ids.next(), template, org.contact().email(), org.contact().preferredLanguage(), data, at);
    }

    private OutboxMessage toAdmin(EmailTemplate template, Matter matter, Instant at, String... more) {
        Map<String, Object> data = data(
                "requestId", matter.request().id(), "title", matter.request().title());
        data.putAll(data(more));
        return OutboxMessage.toTeam(ids.next(), template, adminEmail, data, at);
    }

    /** Pairs of key and value; absent values become empty text (outbox data holds no nulls). */
    private static Map<String, Object> data(String... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) data.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        return data;
    }

    private static String text(Instant at) {
        return at == null ? "" : at.toString();
    }
}
