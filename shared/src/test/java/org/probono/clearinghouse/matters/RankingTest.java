package org.probono.clearinghouse.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LawyerStats;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;

class RankingTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final LegalRequest REQUEST = new LegalRequest(
            "R1",
            "O1",
            RequestStatus.SUBMITTED,
            Category.EMPLOYMENT,
            "Title",
            "Summary",
            null,
            "IN-WB",
            "bn",
            null,
            List.of("Acme Pvt Ltd", " Vikram  Shah "),
            NOW,
            null,
            1);

    @Test
    void a_lawyer_who_fits_is_not_excluded() {
        assertThat(Ranking.exclusion(REQUEST, List.of(), lawyer("L1"))).isEmpty();
    }

    @Test
    void every_hard_exclusion_is_named() {
        assertThat(Ranking.exclusion(
                        REQUEST, List.of(), lawyer("L1", Category.LITIGATION, ProfileStatus.APPROVED, false, 0, "X")))
                .contains("does not practise EMPLOYMENT");
        assertThat(Ranking.exclusion(
                        REQUEST,
                        List.of(),
                        lawyer("L1", Category.EMPLOYMENT, ProfileStatus.PENDING_REVIEW, false, 0, "X")))
                .contains("is not an approved lawyer");
        assertThat(Ranking.exclusion(
                        REQUEST, List.of(), lawyer("L1", Category.EMPLOYMENT, ProfileStatus.APPROVED, true, 0, "X")))
                .contains("has paused new matters");
        assertThat(Ranking.exclusion(
                        REQUEST, List.of(), lawyer("L1", Category.EMPLOYMENT, ProfileStatus.APPROVED, false, 2, "X")))
                .contains("has no spare capacity (2 of 2)");
        assertThat(Ranking.exclusion(
                        REQUEST,
                        List.of(),
                        lawyer("L1", Category.EMPLOYMENT, ProfileStatus.APPROVED, false, 0, "acme pvt ltd")))
                .contains("conflict: their firm is a counterparty");
        assertThat(Ranking.exclusion(REQUEST, List.of(offer("L1", OfferStatus.DECLINED)), lawyer("L1")))
                .contains("earlier declined an offer of this request");
        assertThat(Ranking.exclusion(REQUEST, List.of(offer("L1", OfferStatus.EXPIRED)), lawyer("L1")))
                .contains("earlier expired an offer of this request");
    }

    @Test
    void a_lawyer_whose_offer_was_withdrawn_may_be_offered_again_but_not_one_with_a_pending_offer() {
        assertThat(Ranking.exclusion(REQUEST, List.of(offer("L1", OfferStatus.WITHDRAWN)), lawyer("L1")))
                .isEmpty();
        assertThat(Ranking.exclusion(REQUEST, List.of(offer("L1", OfferStatus.PENDING)), lawyer("L1")))
                .contains("was already offered this request (PENDING)");
    }

    @Test
    void a_lawyer_named_among_the_counterparties_has_a_conflict() {
        Lawyer vikram = new Lawyer(
                "L9",
                "Vikram Shah",
                "v@law.example",
                "+91",
                null,
                "B",
                "IN-WB",
                3,
                List.of(Category.EMPLOYMENT),
                List.of("IN-WB"),
                List.of("bn"),
                2,
                0,
                false,
                ProfileStatus.APPROVED,
                NOW,
                1);
        assertThat(Ranking.exclusion(REQUEST, List.of(), vikram)).contains("conflict: they are a counterparty");
    }

    @Test
    void faster_answers_and_fewer_recent_offers_rank_higher() {
        LawyerProfile fast = new LawyerProfile(lawyer("FAST"), new LawyerStats("FAST", 2, 2 * 3600, List.of(), 1));
        LawyerProfile slow = new LawyerProfile(lawyer("SLOW"), new LawyerStats("SLOW", 2, 2 * 40 * 3600, List.of(), 1));
        LawyerProfile busy = new LawyerProfile(
                lawyer("BUSY"),
                new LawyerStats(
                        "BUSY",
                        2,
                        2 * 3600,
                        List.of(
                                NOW.minus(Duration.ofDays(1)),
                                NOW.minus(Duration.ofDays(2)),
                                NOW.minus(Duration.ofDays(3))),
                        1));

        assertThat(Ranking.rank(REQUEST, List.of(), List.of(slow, fast), NOW, 5))
                .extracting(Candidate::lawyerId)
                .containsExactly("FAST", "SLOW");
        List<Candidate> ranked = Ranking.rank(REQUEST, List.of(), List.of(busy, fast), NOW, 5);
        assertThat(ranked).extracting(Candidate::lawyerId).containsExactly("FAST", "BUSY");
        assertThat(Ranking.rank(REQUEST, List.of(), List.of(slow, busy, fast), NOW, 1))
                .hasSize(1);
        assertThat(ranked.getFirst().reasons())
                .contains(
                        "practises in IN-WB",
                        "works in bn",
                        "answers offers in about 1 h on average",
                        "no offers in the last 30 days");
    }

    @Test
    void a_national_request_matches_every_jurisdiction() {
        LegalRequest national = new LegalRequest(
                "R2",
                "O1",
                RequestStatus.SUBMITTED,
                Category.EMPLOYMENT,
                "T",
                "S",
                null,
                "IN",
                "bn",
                null,
                List.of(),
                NOW,
                null,
                1);
        Lawyer delhi = new Lawyer(
                "D",
                "Delhi Lawyer",
                "d@law.example",
                "+91",
                null,
                "B",
                "IN-DL",
                3,
                List.of(Category.EMPLOYMENT),
                List.of("IN-DL"),
                List.of("bn"),
                2,
                0,
                false,
                ProfileStatus.APPROVED,
                NOW,
                1);

        Candidate candidate = Ranking.score(national, new LawyerProfile(delhi, LawyerStats.none("D")), NOW);

        assertThat(candidate.reasons()).contains("national request: any jurisdiction fits");
        assertThat(Ranking.score(REQUEST, new LawyerProfile(delhi, LawyerStats.none("D")), NOW)
                        .score())
                .isLessThan(candidate.score());
    }

    private static Lawyer lawyer(String id) {
        return lawyer(id, Category.EMPLOYMENT, ProfileStatus.APPROVED, false, 0, "Firm LLP");
    }

    private static Lawyer lawyer(
            String id, Category area, ProfileStatus status, boolean paused, int load, String firm) {
        return new Lawyer(
                id,
                "Lawyer " + id,
                id + "@law.example",
                "+91",
                firm,
                "B",
                "IN-WB",
                3,
                List.of(area),
                List.of("IN-WB"),
                List.of("bn", "en"),
                2,
                load,
                paused,
                status,
                NOW,
                1);
    }

    private static Offer offer(String lawyerId, OfferStatus status) {
        return new Offer("R1", lawyerId, status, NOW, NOW.plusSeconds(3600), "h", NOW, null, false, 2);
    }
}
