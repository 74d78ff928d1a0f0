package org.probono.clearinghouse.matters;

import java.util.List;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;

/** The open requests, most urgent first (deadline, then age), and the pending offers made of them. */
public record OpenQueue(List<LegalRequest> requests, List<Offer> pendingOffers) {
    public OpenQueue {
        requests = List.copyOf(requests);
        pendingOffers = List.copyOf(pendingOffers);
    }
}
