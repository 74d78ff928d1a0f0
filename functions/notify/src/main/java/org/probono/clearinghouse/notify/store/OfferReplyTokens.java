package org.probono.clearinghouse.notify.store;

import java.time.Instant;
import java.util.Optional;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TokenItems;

/**
 * Who a reply token was given to, read only: enough to answer a reply that said neither ACCEPT nor
 * DECLINE (to the offered lawyer, about the right matter). Deciding is {@code OfferReplies}'s job.
 */
public final class OfferReplyTokens {
    /** An open offer's reply token, its lawyer and its request. */
    public record Holder(String lawyerId, String lawyerName, String lawyerEmail, Language lawyerLanguage,
                         String requestId, String title) {}

    private final Store store;

    public OfferReplyTokens(Store store) { this.store = store; }

    /**
     * The holder of an unexpired, unused offer-reply token whose offer is still pending: a lawyer whose
     * offer was filled, withdrawn or lapsed is not asked to answer it again.
     */
    public Optional<Holder> open(String token, Instant now) {
        String hash = Secrets.hash(token);
        return store.get(Keys.token(hash))
                .map(item -> TokenItems.from(hash, item))
                .filter(t -> t.purpose() == Token.Purpose.OFFER_REPLY && !t.isExpired(now) && !t.isUsed())
                .filter(t -> store.get(Keys.offer(t.subjectId(), t.lawyerId())).map(OfferItems::from)
                        .filter(Offer::isPending).isPresent())
                .flatMap(t -> store.get(Keys.lawyer(t.lawyerId())).map(LawyerItems::from).flatMap(lawyer ->
                        store.get(Keys.request(t.subjectId())).map(RequestItems::from).map(request ->
                                holder(lawyer, request))));
    }

    private static Holder holder(Lawyer lawyer, LegalRequest request) {
        return new Holder(lawyer.id(), lawyer.name(), lawyer.email(), lawyer.preferredLanguage(), request.id(),
                request.title());
    }
}
