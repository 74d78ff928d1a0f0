package org.probono.clearinghouse.assign.app;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Store;

/**
 * The open queue, most urgent first: the queue index (GSI2 {@code QUEUE#OPEN}) sorts by deadline, then
 * age. Cost: the index query (0.5 read unit per 4 KB, about 10 requests) plus, per request, a query of its
 * offers (1 unit) and, per distinct organisation, one read (1 unit). No confidential detail is read out:
 * the view names only the fields below.
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
        Map<String, OrganisationRef> organisations = new HashMap<>();
        List<Entry> entries = store.index(Keys.GSI2, Keys.QUEUE_OPEN, true, 0).stream()
                .map(RequestItems::from)
                .filter(request -> request.status().isOpen())
                .map(request -> entry(request, organisations.computeIfAbsent(request.organisationId(), this::organisation)))
                .toList();
        return Result.done(new Queue(entries));
    }

    private Entry entry(LegalRequest request, OrganisationRef organisation) {
        List<PendingOffer> pending = store.partition(Keys.requestPk(request.id()), Keys.OFFER_PREFIX).stream()
                .map(OfferItems::from)
                .filter(Offer::isPending)
                .map(offer -> new PendingOffer(offer.lawyerId(), offer.status().name(), offer.respondBy()))
                .toList();
        return new Entry(request.id(), request.status().name(), request.category().name(), request.title(),
                organisation, request.deadline(), request.createdAt(), pending);
    }

    private OrganisationRef organisation(String id) {
        String name = store.get(Keys.organisation(id)).map(OrganisationItems::from).map(Organisation::name).orElse(null);
        return new OrganisationRef(id, name);
    }
}
