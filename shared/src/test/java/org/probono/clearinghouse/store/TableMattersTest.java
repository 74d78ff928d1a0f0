package org.probono.clearinghouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.impact.Figure;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.matters.Matter;
import org.probono.clearinghouse.matters.MatterChange;
import org.probono.clearinghouse.testkit.MatterSamples;

/** A matter change becomes ONE transaction on the table, with the conditions it names and its tallies as ADDs. */
@ExtendWith(LocalAwsExtension.class)
class TableMattersTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private LocalAws aws;
    private Store store;
    private TableMatters matters;
    private LegalRequest request;
    private Lawyer meera;
    private Offer offer;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        store = new Store(aws.dynamoDb(), aws.tableName(), clock);
        matters = new TableMatters(store, new RunningTotals(ZoneOffset.UTC));
        Organisation org = MatterSamples.organisation("ORG-1");
        request = MatterSamples.request("REQ-1", org, RequestStatus.OFFERED, NOW.minus(Duration.ofDays(1)));
        meera = MatterSamples.lawyer("L-M", "Meera Das", 1);
        offer = MatterSamples.pendingOffer(request, meera, NOW.minus(Duration.ofHours(2)), Duration.ofHours(24), "t");
        assertThat(store.commit(new Transaction()
                                .create(OrganisationItems.toItem(org))
                                .create(RequestItems.toItem(request))
                                .create(LawyerItems.toItem(meera))
                                .create(OfferItems.toItem(offer)))
                        .committed())
                .isTrue();
    }

    @Test
    void a_change_is_committed_whole_and_reads_back_as_the_matter_with_its_history_and_totals() {
        LegalRequest written = request.offerEnded(false);
        Outcome outcome = matters.commit(MatterChange.builder()
                .offer(offer, offer.answered(OfferStatus.DECLINED, NOW, "busy"))
                .lawyer(meera, meera.withLoadChange(-1))
                .request(request, written)
                .audit(written, "An offer was declined; back in the queue", "test", NOW)
                .email(email())
                .count(new Tally.Declined(written, "Busy."))
                .build());

        assertThat(outcome.committed()).isTrue();
        Matter matter = matters.matter(request.id()).orElseThrow();
        assertThat(matter.request()).isEqualTo(written);
        assertThat(matter.offers()).extracting(Offer::status).containsExactly(OfferStatus.DECLINED);
        assertThat(matters.history(request.id()))
                .extracting(e -> e.note())
                .containsExactly("An offer was declined; back in the queue");
        assertThat(matters.openQueue().requests()).containsExactly(written);
        assertThat(matters.openQueue().pendingOffers()).isEmpty();
        assertThat(new TableFigures(store).day(LocalDate.parse("2026-11-27")))
                .filteredOn(figure -> figure.kind() == Figure.Kind.TOTAL)
                .singleElement()
                .satisfies(total -> assertThat(total.numbers())
                        .containsEntry("offersDeclined", 1.0)
                        .containsEntry(Figure.DECLINE_PREFIX + "busy", 1.0));
    }

    @Test
    void a_record_written_since_it_was_read_rejects_the_whole_change() {
        int before = aws.countItems();

        Outcome outcome = matters.commit(MatterChange.builder()
                .email(email())
                .lawyer(meera.withLoadChange(+1), meera.withLoadChange(+2))
                .count(new Tally.Expired(request))
                .build());

        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected) outcome).failure()).isEqualTo(Failure.CHANGED_CONCURRENTLY);
        assertThat(aws.countItems()).isEqualTo(before);
    }

    @Test
    void a_new_offer_where_one_is_already_there_is_rejected_as_already_existing() {
        Outcome outcome = matters.commit(MatterChange.builder().newOffer(offer).build());

        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected) outcome).failure()).isEqualTo(Failure.ALREADY_EXISTS);
    }

    @Test
    void ended_requests_with_details_are_found_for_the_retention_rule_once_they_ended_long_enough_ago() {
        LegalRequest closed = request.endedAs(RequestStatus.CLOSED, NOW.minus(Duration.ofDays(10)));
        matters.commit(MatterChange.builder()
                .request(request, closed)
                .offer(offer, offer.answered(OfferStatus.WITHDRAWN, NOW, "closed"))
                .build());

        assertThat(matters.detailsRetainedUntil(NOW.minus(Duration.ofDays(11)))).isEmpty();
        assertThat(matters.detailsRetainedUntil(NOW.minus(Duration.ofDays(10)))).containsExactly(request.id());
    }

    private static OutboxMessage email() {
        return OutboxMessage.toTeam(
                "MAIL-" + System.nanoTime(),
                EmailTemplate.ADMIN_OFFER_DECLINED,
                "team@example.org",
                Map.of("requestId", "REQ-1", "suggestions", List.of()),
                NOW);
    }
}
