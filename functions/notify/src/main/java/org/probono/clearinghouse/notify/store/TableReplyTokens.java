package org.probono.clearinghouse.notify.store;

import java.time.Instant;
import java.util.Optional;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.notify.app.ReplyTokens;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TokenItems;

/** Reply tokens on the table ({@code TOKEN#hash}), with the offer, lawyer and request they name. */
public final class TableReplyTokens implements ReplyTokens {
    private final Store store;

    public TableReplyTokens(Store store) {
        this.store = store;
    }

    @Override
    public Optional<Holder> open(String token, Instant now) {
        String hash = Secrets.hash(token);
        return store.get(Keys.token(hash))
                .map(item -> TokenItems.from(hash, item))
                .filter(t -> t.purpose() == Token.Purpose.OFFER_REPLY && !t.isExpired(now) && !t.isUsed())
                .filter(t -> store.get(Keys.offer(t.subjectId(), t.lawyerId()))
                        .map(OfferItems::from)
                        .filter(Offer::isPending)
                        .isPresent())
                .flatMap(t -> store.get(Keys.lawyer(t.lawyerId()))
                        .map(LawyerItems::from)
                        .flatMap(lawyer -> store.get(Keys.request(t.subjectId()))
                                .map(RequestItems::from)
                                .map(request -> holder(lawyer, request))));
    }

    @Override
    public Optional<Token.Purpose> purpose(String token, Instant now) {
        String hash = Secrets.hash(token);
        return store.get(Keys.token(hash))
                .map(item -> TokenItems.from(hash, item))
                .filter(t -> !t.isExpired(now))
                .map(Token::purpose);
    }

    @Override
    public Optional<Holder> holdingMatter(String token, Instant now) {
        String hash = Secrets.hash(token);
        return store.get(Keys.token(hash))
                .map(item -> TokenItems.from(hash, item))
                .filter(t -> t.purpose() == Token.Purpose.COMPLETION_REPLY && !t.isExpired(now) && t.lawyerId() != null)
                .flatMap(t -> store.get(Keys.request(t.subjectId()))
                        .map(RequestItems::from)
                        .filter(request -> request.status() == org.probono.clearinghouse.domain.RequestStatus.ACCEPTED
                                && t.lawyerId().equals(request.lawyerId()))
                        .flatMap(request -> store.get(Keys.lawyer(t.lawyerId()))
                                .map(LawyerItems::from)
                                .map(lawyer -> holder(lawyer, request))));
    }

    private static Holder holder(Lawyer lawyer, LegalRequest request) {
        return new Holder(
                lawyer.id(), lawyer.name(), lawyer.email(), lawyer.preferredLanguage(), request.id(), request.title());
    }
}
