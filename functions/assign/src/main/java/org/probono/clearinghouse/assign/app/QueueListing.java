package org.probono.clearinghouse.assign.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Store;

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

    public record Entry(String id, String status, String category, String title, OrganisationRef organisation,
                        Instant deadline, Instant createdAt, List<PendingOffer> offers) {}

    public record OrganisationRef(String id, String name) {}

    public record PendingOffer(String lawyerId, String status, Instant respondBy) {}

    private final Store store;

    public QueueListing(Store store) { this.store = store; }

    public Result list() {
        List<Item> partition = store.index(Keys.GSI2, Keys.QUEUE_OPEN, true, 0);
        Map<String, List<PendingOffer>> offers = new HashMap<>();
        partition.stream().filter(item -> OfferItems.ENTITY.equals(item.entity())).map(OfferItems::from)
                .filter(Offer::isPending)
                .forEach(offer -> offers.computeIfAbsent(offer.requestId(), id -> new ArrayList<>())
                        .add(new PendingOffer(offer.lawyerId(), offer.status().name(), offer.respondBy())));
        Map<String, String> olderNames = new HashMap<>();
        List<Entry> entries = partition.stream().filter(item -> RequestItems.ENTITY.equals(item.entity()))
                .map(RequestItems::from)
                .filter(request -> request.status().isOpen())
                .map(request -> new Entry(request.id(), request.status().name(), request.category().name(),
                        request.title(), new OrganisationRef(request.organisationId(), organisationName(request, olderNames)),
                        request.deadline(), request.createdAt(), offers.getOrDefault(request.id(), List.of())))
                .toList();
        return Result.done(new Queue(entries));
    }

    private String organisationName(LegalRequest request, Map<String, String> olderNames) {
        if (request.organisationName() != null) return request.organisationName();
        return olderNames.computeIfAbsent(request.organisationId(), id ->
                store.get(Keys.organisation(id)).map(OrganisationItems::from).map(Organisation::name).orElse(null));
    }
}
