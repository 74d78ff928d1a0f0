package org.probono.clearinghouse.assign.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.testkit.InMemoryMatters;
import org.probono.clearinghouse.testkit.MatterSamples;
import org.probono.clearinghouse.testkit.MovableClock;

/** Offering a request to lawyers, on the in-memory ports: no backend. */
class OfferingRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00.250Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final InMemoryMatters table = new InMemoryMatters(clock);
    private final Offering offering = new Offering(
            table,
            table,
            new MatterEmails(new Ids(clock), "team@clearinghouse.example"),
            (token, id) -> "sealed:" + token,
            clock);
    private Organisation org;
    private LegalRequest request;
    private Lawyer meera;
    private Lawyer ravi;

    @BeforeEach
    void setUp() {
        org = MatterSamples.organisation("ORG-1");
        request = MatterSamples.request("REQ-1", org, RequestStatus.SUBMITTED, NOW.minus(Duration.ofDays(1)));
        meera = MatterSamples.lawyer("L-M", "Meera Das", 0);
        ravi = MatterSamples.lawyer("L-R", "Ravi Sen", 1);
        table.put(org).put(request).put(meera).put(ravi);
    }

    @Test
    void offering_to_two_lawyers_makes_both_offers_their_tokens_and_emails_in_one_change() {
        Result result = offering.assign(request.id(), List.of(meera.id(), ravi.id()), "admin", 24);

        Instant respondBy = Instant.parse("2026-11-29T10:00:00Z");
        assertThat(result)
                .isEqualTo(Result.done(new Offering.Offered(
                        request.id(),
                        "OFFERED",
                        List.of(
                                new Offering.OfferedTo(meera.id(), respondBy),
                                new Offering.OfferedTo(ravi.id(), respondBy)))));
        LegalRequest offered = table.request(request.id()).orElseThrow();
        assertThat(offered.status()).isEqualTo(RequestStatus.OFFERED);
        assertThat(table.offer(request.id(), meera.id()).status()).isEqualTo(OfferStatus.PENDING);
        assertThat(table.offer(request.id(), ravi.id()).respondBy()).isEqualTo(respondBy);
        assertThat(table.lawyer(meera.id()).orElseThrow().activeMatters()).isEqualTo(1);
        assertThat(table.lawyer(ravi.id()).orElseThrow().activeMatters()).isEqualTo(2);
        assertThat(table.stats(meera.id()).recentOffers()).containsExactly(NOW);
        assertThat(table.tokens().values())
                .extracting(Token::purpose)
                .containsOnly(Token.Purpose.OFFER_REPLY)
                .hasSize(2);
        assertThat(table.emails())
                .extracting(m -> m.template())
                .containsExactly(EmailTemplate.OFFER, EmailTemplate.OFFER);
        assertThat(table.tallies()).containsExactly(new Tally.Offered(offered, 2, NOW));
        assertThat(table.history(request.id()))
                .singleElement()
                .extracting(e -> e.note())
                .isEqualTo("Offered to 2 lawyers");
        assertThat(table.commits()).isEqualTo(1);
    }

    @Test
    void a_lawyer_who_declined_before_is_refused_and_nothing_is_offered() {
        table.put(request.offered())
                .put(MatterSamples.pendingOffer(
                                request, meera, NOW.minus(Duration.ofHours(5)), Duration.ofHours(24), "t")
                        .answered(OfferStatus.DECLINED, NOW.minus(Duration.ofHours(1)), "busy"));

        Result result = offering.assign(request.id(), List.of(ravi.id(), meera.id()), "admin", 24);

        assertThat(result).isInstanceOf(Result.Refused.class);
        assertThat(((Result.Refused) result).status()).isEqualTo(409);
        assertThat(((Result.Refused) result).detail()).contains("declined");
        assertThat(table.commits()).isZero();
    }

    @Test
    void a_lawyer_whose_offer_was_withdrawn_gets_the_same_offer_back_pending() {
        Offer withdrawn = MatterSamples.pendingOffer(
                        request, meera, NOW.minus(Duration.ofHours(5)), Duration.ofHours(24), "t")
                .answered(OfferStatus.WITHDRAWN, NOW.minus(Duration.ofHours(1)), "by mistake");
        table.put(withdrawn);

        assertThat(offering.assign(request.id(), List.of(meera.id()), "admin", 24))
                .isInstanceOf(Result.Done.class);

        Offer again = table.offer(request.id(), meera.id());
        assertThat(again.status()).isEqualTo(OfferStatus.PENDING);
        assertThat(again.version()).isEqualTo(withdrawn.version() + 1);
    }

    @Test
    void a_request_that_is_not_open_or_not_there_or_an_unknown_lawyer_is_refused() {
        assertThat(offering.assign("REQ-NONE", List.of(meera.id()), "admin", 24))
                .isEqualTo(Result.notFound("No request REQ-NONE."));
        assertThat(offering.assign(request.id(), List.of("L-NONE"), "admin", 24))
                .isEqualTo(Result.notFound("No lawyer L-NONE."));
        table.put(request.endedAs(RequestStatus.CLOSED, NOW));
        assertThat(offering.assign(request.id(), List.of(meera.id()), "admin", 24))
                .isEqualTo(Result.conflict("Request REQ-1 is CLOSED, not open."));
        assertThat(table.commits()).isZero();
    }

    @Test
    void a_lawyer_changed_while_assigning_makes_it_a_conflict_with_nothing_offered() {
        table.beforeNextCommit(() -> table.put(ravi.withLoadChange(+1)));

        Result result = offering.assign(request.id(), List.of(meera.id(), ravi.id()), "admin", 24);

        assertThat(((Result.Refused) result).status()).isEqualTo(409);
        assertThat(table.request(request.id())).contains(request);
        assertThat(table.emails()).isEmpty();
    }

    @Test
    void the_window_is_shortened_to_the_deadline_but_never_below_an_hour() {
        LegalRequest soon = new LegalRequest(
                request.id(),
                org.id(),
                RequestStatus.SUBMITTED,
                request.category(),
                request.title(),
                request.summary(),
                null,
                "IN-WB",
                "en",
                NOW.plus(Duration.ofHours(5)),
                List.of(),
                request.createdAt(),
                null,
                1);

        assertThat(Offering.respondBy(soon, NOW, 24)).isEqualTo(Instant.parse("2026-11-28T15:00:00Z"));
        assertThat(Offering.respondBy(soon, NOW, 2)).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(Offering.respondBy(soon, NOW.plus(Duration.ofMinutes(270)), 24))
                .isEqualTo(NOW.plus(Duration.ofMinutes(270)).plus(Duration.ofHours(1)));
    }
}
