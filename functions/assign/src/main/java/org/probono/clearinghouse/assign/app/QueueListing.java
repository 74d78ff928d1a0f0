package org.probono.clearinghouse.assign.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.matters.Matters;
import org.probono.clearinghouse.matters.OpenQueue;

/**
 * The open queue, most urgent first, in one Query whatever the number of open requests: the queue's
 * index partition (GSI2 {@code QUEUE#OPEN}) holds each open request, sorted by deadline then age, with the
 * organisation's name copied onto it at submission, and after them every pending offer, which the
 * transactions that make and end offers put there and take away. Cost: about 0.5 read unit per 4 KB read.
 * A request written before it carried its organisation's name costs one read per such organisation.
 * No confidential detail is read out: the view names only the fields below.
 */
public final class QueueListing {
    public record Queue(List<Entry> items) {}

    public record Entry(
            String id,
            String status,
            String category,
            String title,
            OrganisationRef organisation,
            Instant deadline,
            Instant createdAt,
            List<PendingOffer> offers) {}

    public record OrganisationRef(String id, String name) {}

    public record PendingOffer(String lawyerId, String status, Instant respondBy) {}

    private final Matters matters;

    public QueueListing(Matters matters) {
        this.matters = matters;
    }

    public Result list() {
        OpenQueue queue = matters.openQueue();
        Map<String, List<PendingOffer>> offers = new HashMap<>();
        queue.pendingOffers()
                .forEach(offer -> offers.computeIfAbsent(offer.requestId(), id -> new ArrayList<>())
                        .add(new PendingOffer(offer.lawyerId(), offer.status().name(), offer.respondBy())));
        Map<String, String> olderNames = new HashMap<>();
        List<Entry> entries = queue.requests().stream()
                .map(request -> new Entry(
                        request.id(),
                        request.status().name(),
                        request.category().name(),
                        request.title(),
                        new OrganisationRef(request.organisationId(), organisationName(request, olderNames)),
                        request.deadline(),
                        request.createdAt(),
                        offers.getOrDefault(request.id(), List.of())))
                .toList();
        return Result.done(new Queue(entries));
    }

    private String organisationName(LegalRequest request, Map<String, String> olderNames) {
        if (request.organisationName() != null) return request.organisationName();
        return olderNames.computeIfAbsent(
                request.organisationId(),
                id -> matters.organisation(id).map(Organisation::name).orElse(null));
    }
}
