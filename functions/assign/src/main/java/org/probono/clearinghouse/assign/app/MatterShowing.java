package org.probono.clearinghouse.assign.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.matters.Lawyers;
import org.probono.clearinghouse.matters.Matter;
import org.probono.clearinghouse.matters.Matters;

/**
 * One request as the team sees it, whatever its state: the request, its organisation, every offer (with the
 * lawyer's name and the answer's note) and the audit trail. Never the confidential details: the view names
 * only the fields below. Cost: the matter (3 read units), one query of the history, one read per offered lawyer.
 */
public final class MatterShowing {
    public record Shown(
            String id,
            String status,
            String category,
            String title,
            String summary,
            String jurisdiction,
            String language,
            Instant deadline,
            Instant createdAt,
            QueueListing.OrganisationRef organisation,
            List<String> counterparties,
            LawyerRef lawyer,
            List<ShownOffer> offers,
            List<HistoryEntry> history) {}

    public record LawyerRef(String id, String name, String firm) {}

    public record ShownOffer(
            String lawyerId,
            String name,
            String status,
            Instant offeredAt,
            Instant respondBy,
            Instant answeredAt,
            String note) {}

    public record HistoryEntry(Instant at, String status, String note, String actor) {}

    private final Matters matters;
    private final Lawyers lawyers;

    public MatterShowing(Matters matters, Lawyers lawyers) {
        this.matters = matters;
        this.lawyers = lawyers;
    }

    public Result show(String requestId) {
        Optional<Matter> matter = matters.matter(requestId);
        if (matter.isEmpty()) return Result.notFound("No request " + requestId + ".");
        LegalRequest request = matter.get().request();
        List<ShownOffer> offers =
                matter.get().offers().stream().map(this::offer).toList();
        LawyerRef lawyer = request.lawyerId() == null ? null : lawyer(request.lawyerId());
        List<HistoryEntry> history = matters.history(requestId).stream()
                .map(event -> new HistoryEntry(event.at(), event.status(), event.note(), event.actor()))
                .toList();
        return Result.done(new Shown(
                request.id(),
                request.status().name(),
                request.category().name(),
                request.title(),
                request.summary(),
                request.jurisdiction(),
                request.language(),
                request.deadline(),
                request.createdAt(),
                new QueueListing.OrganisationRef(
                        matter.get().organisation().id(),
                        matter.get().organisation().name()),
                request.counterparties(),
                lawyer,
                offers,
                history));
    }

    private ShownOffer offer(Offer offer) {
        return new ShownOffer(
                offer.lawyerId(),
                lawyer(offer.lawyerId()).name(),
                offer.status().name(),
                offer.offeredAt(),
                offer.respondBy(),
                offer.answeredAt(),
                offer.note());
    }

    private LawyerRef lawyer(String id) {
        return lawyers.lawyer(id)
                .map((Lawyer l) -> new LawyerRef(l.id(), l.name(), l.firm()))
                .orElse(new LawyerRef(id, null, null));
    }
}
