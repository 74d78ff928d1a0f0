package org.probono.clearinghouse.matters;

import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Store;

/**
 * A request as the matching sees it: the request, its organisation and all its offers, read strongly
 * consistently (3 read units: the request, the organisation, one query of the request's offers).
 */
public record Matter(LegalRequest request, Organisation organisation, List<Offer> offers) {
    public Matter {
        offers = List.copyOf(offers);
    }

    public static Optional<Matter> load(Store store, String requestId) {
        return store.get(Keys.request(requestId)).map(RequestItems::from).map(request -> new Matter(request,
                store.get(Keys.organisation(request.organisationId())).map(OrganisationItems::from).orElseThrow(),
                store.partition(Keys.requestPk(requestId), Keys.OFFER_PREFIX).stream().map(OfferItems::from).toList()));
    }

    public Optional<Offer> offerTo(String lawyerId) {
        return offers.stream().filter(offer -> offer.lawyerId().equals(lawyerId)).findFirst();
    }

    public List<Offer> pendingOffers() { return offers.stream().filter(Offer::isPending).toList(); }

    public List<Offer> pendingOffersExcept(String lawyerId) {
        return offers.stream().filter(offer -> offer.isPending() && !offer.lawyerId().equals(lawyerId)).toList();
    }
}
