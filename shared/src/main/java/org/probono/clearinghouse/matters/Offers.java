package org.probono.clearinghouse.matters;

import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.Token;

/** Offers and their reply tokens, as the schedule and the replies find them. */
public interface Offers {
    /** Every pending offer, soonest due first (eventually consistent: each is decided on a fresh read). */
    List<Offer> pending();

    /** The reply token stored under {@code hash}, unless it has expired. */
    Optional<Token> token(String hash);
}
