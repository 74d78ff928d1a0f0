package org.probono.clearinghouse.matters;

import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.Organisation;

/**
 * A request as the matching sees it: the request, its organisation and all its offers, read strongly
 * consistently ({@link Matters#matter}).
 */
public record Matter(LegalRequest request, Organisation organisation, List<Offer> offers) {
    public Matter {
        offers = List.copyOf(offers);
    }

    public Optional<Offer> offerTo(String lawyerId) {
        return offers.stream()
                .filter(offer -> offer.lawyerId().equals(lawyerId))
                .findFirst();
    }

    public List<Offer> pendingOffers() {
        return offers.stream().filter(Offer::isPending).toList();
    }

    public List<Offer> pendingOffersExcept(String lawyerId) {
        return offers.stream()
                .filter(offer -> offer.isPending() && !offer.lawyerId().equals(lawyerId))
                .toList();
    }
}
