package org.probono.clearinghouse.store;

import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.matters.Offers;

/**
 * {@link Offers} on the single table: pending offers from their index (GSI1 {@code OFFERS#PENDING}, by
 * respondBy, eventually consistent: 0.5 read unit per 4 KB, about 15 offers), tokens by their hash (1 read unit).
 */
public final class TableOffers implements Offers {
    private final Store store;

    public TableOffers(Store store) {
        this.store = store;
    }

    @Override
    public List<Offer> pending() {
        return store.index(Keys.GSI1, Keys.OFFERS_PENDING, true, 0).stream()
                .map(OfferItems::from)
                .toList();
    }

    @Override
    public Optional<Token> token(String hash) {
        return store.get(Keys.token(hash)).map(item -> TokenItems.from(hash, item));
    }
}
