package org.probono.clearinghouse.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Contact;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OrganisationType;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;

/** Records of the matching as the rules' unit tests start from them: an approved organisation, its request, lawyers. */
public final class MatterSamples {
    public static final String SEALED = "SEALED-CIPHERTEXT-MARKER";
    /** How long an offer's reply address outlives respondBy (Offering's late-reply grace). */
    public static final Duration REPLY_GRACE = Duration.ofDays(7);

    private MatterSamples() {}

    public static Organisation organisation(String id) {
        return new Organisation(
                id,
                "Shakti Vahini",
                OrganisationType.NGO,
                "REG-1",
                "IN-WB",
                "Kolkata",
                null,
                List.of("trafficking"),
                new Contact("Asha Rao", "asha@shakti.example", "+919830000001"),
                ProfileStatus.APPROVED,
                Instant.parse("2026-11-01T00:00:00Z"),
                2);
    }

    /** A contract review in West Bengal, in English, with one counterparty ("Paint Co") and sealed details. */
    public static LegalRequest request(String id, Organisation organisation, RequestStatus status, Instant createdAt) {
        return new LegalRequest(
                id,
                organisation.id(),
                organisation.name(),
                status,
                Category.CONTRACT_REVIEW,
                "Review a muralist contract",
                "A mural for a shelter",
                SEALED,
                "IN-WB",
                "en",
                null,
                List.of("Paint Co"),
                createdAt,
                null,
                null,
                3,
                null,
                null);
    }

    /** An approved lawyer practising contract review in West Bengal, in English, of at most 2 matters. */
    public static Lawyer lawyer(String id, String name, int activeMatters) {
        return new Lawyer(
                id,
                name,
                name.replace(' ', '.').toLowerCase() + "@law.example",
                "+919830000000",
                "Firm of " + name,
                "WB/1/2020",
                "IN-WB",
                5,
                List.of(Category.CONTRACT_REVIEW),
                List.of("IN-WB"),
                List.of("en"),
                2,
                activeMatters,
                false,
                ProfileStatus.APPROVED,
                Instant.parse("2026-11-01T00:00:00Z"),
                4);
    }

    public static Offer pendingOffer(
            LegalRequest request, Lawyer lawyer, Instant offeredAt, Duration window, String replyToken) {
        return new Offer(
                request.id(),
                lawyer.id(),
                OfferStatus.PENDING,
                offeredAt,
                offeredAt.plus(window),
                Secrets.hash(replyToken),
                null,
                null,
                false,
                1);
    }

    /** The reply token of {@code offer}, kept {@link #REPLY_GRACE} after its respondBy. */
    public static Token offerToken(Offer offer, String replyToken) {
        return new Token(
                Secrets.hash(replyToken),
                Token.Purpose.OFFER_REPLY,
                null,
                offer.requestId(),
                offer.lawyerId(),
                offer.respondBy().plus(REPLY_GRACE),
                null);
    }
}
