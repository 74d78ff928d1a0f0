package org.probono.clearinghouse.assign.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.testkit.InMemoryMatters;
import org.probono.clearinghouse.testkit.MatterSamples;
import org.probono.clearinghouse.testkit.MovableClock;

/** The schedule's expiry, reminders and retention, on the in-memory ports: no backend. */
class OfferExpiryRulesTest {
    private static final Instant OFFERED_AT = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Duration RETENTION = Duration.ofDays(90);

    private final MovableClock clock = new MovableClock(OFFERED_AT);
    private final InMemoryMatters table = new InMemoryMatters(clock);
    private final OfferExpiry expiry = new OfferExpiry(
            table,
            table,
            table,
            new MatterEmails(new Ids(clock), "team@clearinghouse.example"),
            (token, id) -> "sealed:" + token,
            RETENTION,
            clock);
    private Organisation org;
    private LegalRequest request;
    private Lawyer meera;
    private Offer offer;

    @BeforeEach
    void setUp() {
        org = MatterSamples.organisation("ORG-1");
        request = MatterSamples.request("REQ-1", org, RequestStatus.OFFERED, OFFERED_AT.minus(Duration.ofDays(1)));
        meera = MatterSamples.lawyer("L-M", "Meera Das", 1);
        offer = MatterSamples.pendingOffer(request, meera, OFFERED_AT, WINDOW, "token");
        table.put(org).put(request).put(meera).put(offer);
    }

    @Test
    void an_offer_past_its_time_lapses_once_and_the_request_goes_back_to_the_queue() {
        clock.set(OFFERED_AT.plus(WINDOW));

        assertThat(expiry.run()).isEqualTo(new OfferExpiry.Run(1, 0, 0, 0));

        assertThat(table.offer(request.id(), meera.id()).status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(table.lawyer(meera.id()).orElseThrow().activeMatters()).isZero();
        LegalRequest after = table.request(request.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(table.tallies()).containsExactly(new Tally.Expired(after));
        assertThat(table.emails()).extracting(m -> m.template()).containsExactly(EmailTemplate.ADMIN_OFFER_EXPIRED);
        assertThat(table.history(request.id()).getLast().note()).isEqualTo("An offer lapsed; back in the queue");
        assertThat(expiry.run()).isEqualTo(new OfferExpiry.Run(0, 0, 0, 0));
    }

    @Test
    void half_way_through_its_window_an_offer_gets_one_reminder_with_a_fresh_reply_address() {
        clock.set(OFFERED_AT.plus(WINDOW.dividedBy(2)));

        assertThat(expiry.run()).isEqualTo(new OfferExpiry.Run(0, 1, 0, 0));
        assertThat(expiry.run()).isEqualTo(new OfferExpiry.Run(0, 0, 0, 0));

        assertThat(table.offer(request.id(), meera.id()).reminded()).isTrue();
        assertThat(table.emails())
                .singleElement()
                .extracting(m -> m.template())
                .isEqualTo(EmailTemplate.OFFER_REMINDER);
        assertThat(table.tokens()).hasSize(1);
        assertThat(table.request(request.id())).contains(request);
    }

    @Test
    void an_offer_before_half_way_is_left_alone() {
        clock.set(OFFERED_AT.plus(WINDOW.dividedBy(2)).minusSeconds(1));

        assertThat(expiry.run()).isEqualTo(new OfferExpiry.Run(0, 0, 0, 0));
        assertThat(table.commits()).isZero();
    }

    @Test
    void confidential_details_go_once_the_retention_period_has_passed_since_the_request_ended() {
        LegalRequest closed = request.endedAs(RequestStatus.CLOSED, OFFERED_AT);
        table.put(closed).put(offer.answered(OfferStatus.WITHDRAWN, OFFERED_AT, "closed"));
        clock.set(OFFERED_AT.plus(RETENTION).minusSeconds(1));
        assertThat(expiry.run().detailsDestroyed()).isZero();

        clock.set(OFFERED_AT.plus(RETENTION));
        assertThat(expiry.run().detailsDestroyed()).isEqualTo(1);

        LegalRequest after = table.request(request.id()).orElseThrow();
        assertThat(after.hasConfidentialDetails()).isFalse();
        assertThat(after.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(after.version()).isEqualTo(closed.version() + 1);
        assertThat(table.history(request.id()).getLast().note())
                .isEqualTo("Confidential details deleted 90 days after the request ended");
        assertThat(expiry.run().detailsDestroyed()).isZero();
    }
}
