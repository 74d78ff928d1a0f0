package org.probono.clearinghouse.notify.app;

import java.time.Instant;
import java.util.Optional;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.Token;

/**
 * Who a reply token was given to, read only: enough to answer a reply that said neither ACCEPT nor
 * DECLINE (to the offered lawyer, about the right matter). Deciding is {@code OfferReplies}'s job.
 */
public interface ReplyTokens {
    /** A reply token's lawyer and their request. */
    record Holder(
            String lawyerId,
            String lawyerName,
            String lawyerEmail,
            Language lawyerLanguage,
            String requestId,
            String title) {}

    /**
     * The holder of an unexpired, unused offer-reply token whose offer is still pending: a lawyer whose
     * offer was filled, withdrawn or lapsed is not asked to answer it again.
     */
    Optional<Holder> open(String token, Instant now);

    /** What an unexpired reply token is for: an offer's reply or a matter's completion. */
    Optional<Token.Purpose> purpose(String token, Instant now);

    /**
     * The holder of a completion-reply token whose matter they still hold (ACCEPTED by them): the lawyer
     * asked again when their "DONE" reply was unclear.
     */
    Optional<Holder> holdingMatter(String token, Instant now);
}
