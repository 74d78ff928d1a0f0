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
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.matters.MatterCompletion;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.testkit.InMemoryMatters;
import org.probono.clearinghouse.testkit.MatterSamples;
import org.probono.clearinghouse.testkit.MovableClock;

/** The queue and the team's withdraw and close, on the in-memory ports: no backend. */
class QueueAndChangesRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final InMemoryMatters table = new InMemoryMatters(clock);
    private final MatterEmails emails = new MatterEmails(new Ids(clock), "team@clearinghouse.example");
    private final MatterChanges changes =
            new MatterChanges(table, table, emails, new MatterCompletion(table, table, table, emails, clock), clock);
    private final QueueListing queue = new QueueListing(table);
    private Organisation org;
    private LegalRequest offered;
    private Lawyer meera;
    private Lawyer ravi;

    @BeforeEach
    void setUp() {
        org = MatterSamples.organisation("ORG-1");
        offered = MatterSamples.request("REQ-B", org, RequestStatus.OFFERED, NOW.minus(Duration.ofDays(2)));
        meera = MatterSamples.lawyer("L-M", "Meera Das", 1);
        ravi = MatterSamples.lawyer("L-R", "Ravi Sen", 1);
        table.put(org)
                .put(offered)
                .put(meera)
                .put(ravi)
                .put(MatterSamples.pendingOffer(
                        offered, meera, NOW.minus(Duration.ofHours(2)), Duration.ofHours(24), "a"))
                .put(MatterSamples.pendingOffer(
                        offered, ravi, NOW.minus(Duration.ofHours(2)), Duration.ofHours(24), "b"));
    }

    @Test
    void the_queue_lists_open_requests_most_urgent_first_with_their_pending_offers() {
        LegalRequest urgent = new LegalRequest(
                "REQ-A",
                org.id(),
                RequestStatus.SUBMITTED,
                offered.category(),
                "Urgent",
                "s",
                null,
                "IN-WB",
                "en",
                NOW.plus(Duration.ofDays(1)),
                List.of(),
                NOW,
                null,
                1);
        table.put(urgent)
                .put(MatterSamples.request("REQ-C", org, RequestStatus.SUBMITTED, NOW.minus(Duration.ofDays(1))))
                .put(MatterSamples.request("REQ-D", org, RequestStatus.OFFERED, NOW)
                        .acceptedBy(meera.id()));

        QueueListing.Queue listed = (QueueListing.Queue) ((Result.Done) queue.list()).body();

        assertThat(listed.items()).extracting(QueueListing.Entry::id).containsExactly("REQ-A", "REQ-B", "REQ-C");
        assertThat(listed.items().getFirst().organisation())
                .isEqualTo(new QueueListing.OrganisationRef(org.id(), org.name()));
        assertThat(listed.items().get(1).offers())
                .extracting(QueueListing.PendingOffer::lawyerId)
                .containsExactlyInAnyOrder(meera.id(), ravi.id());
    }

    @Test
    void withdrawing_one_of_two_pending_offers_keeps_the_request_offered_and_tells_the_lawyer() {
        Result result = changes.withdraw(offered.id(), meera.id(), "wrong area", "admin");

        assertThat(result)
                .isEqualTo(Result.done(new MatterChanges.Withdrawn(offered.id(), meera.id(), "WITHDRAWN", "OFFERED")));
        assertThat(table.offer(offered.id(), meera.id()).status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(table.lawyer(meera.id()).orElseThrow().activeMatters()).isZero();
        assertThat(table.emails()).singleElement().satisfies(m -> {
            assertThat(m.template()).isEqualTo(EmailTemplate.OFFER_WITHDRAWN);
            assertThat(m.to()).isEqualTo(meera.email());
        });
        assertThat(changes.withdraw(offered.id(), meera.id(), "again", "admin"))
                .isEqualTo(Result.conflict("The offer to lawyer L-M is WITHDRAWN, not pending."));
    }

    @Test
    void closing_an_open_request_withdraws_its_pending_offers_and_counts_it_closed() {
        Result result = changes.close(offered.id(), "no longer needed", "admin");

        assertThat(result).isEqualTo(Result.done(new MatterChanges.Changed(offered.id(), "CLOSED")));
        LegalRequest closed = table.request(offered.id()).orElseThrow();
        assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(closed.endedAt()).isEqualTo(NOW);
        assertThat(List.of(table.offer(offered.id(), meera.id()), table.offer(offered.id(), ravi.id())))
                .extracting(Offer::status)
                .containsOnly(OfferStatus.WITHDRAWN);
        assertThat(table.emails())
                .extracting(m -> m.template())
                .containsExactlyInAnyOrder(
                        EmailTemplate.OFFER_WITHDRAWN, EmailTemplate.OFFER_WITHDRAWN, EmailTemplate.REQUEST_CLOSED);
        assertThat(table.tallies()).containsExactly(new Tally.Ended(closed));
        assertThat(changes.close(offered.id(), "again", "admin"))
                .isEqualTo(Result.conflict("Request REQ-B is CLOSED, not open."));
        assertThat(table.commits()).isEqualTo(1);
    }

    @Test
    void a_change_that_lost_a_race_is_a_conflict_with_nothing_written() {
        table.beforeNextCommit(() -> table.put(ravi.withLoadChange(+1)));

        assertThat(changes.close(offered.id(), "no longer needed", "admin"))
                .isEqualTo(Result.conflict("Request REQ-B changed meanwhile; nothing was written. Try again."));
        assertThat(table.request(offered.id())).contains(offered);
        assertThat(table.emails()).isEmpty();
    }
}
