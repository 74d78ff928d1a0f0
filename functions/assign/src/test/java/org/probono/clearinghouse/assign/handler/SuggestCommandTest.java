package org.probono.clearinghouse.assign.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LawyerStats;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.testkit.TestEvents;

/** Ranking and every hard exclusion, with a fixture of thirteen lawyers. */
@ExtendWith(LocalAwsExtension.class)
class SuggestCommandTest {
    private Fixture fx;
    private LegalRequest request;
    private Lawyer best, national, good, noBengali, otherState;
    private final List<Lawyer> excluded = new ArrayList<>();

    @BeforeEach
    void setUp(LocalAws aws) {
        fx = new Fixture(aws);
        request = fx.request(
                "Unpaid wages of shelter staff",
                Category.EMPLOYMENT,
                "IN-WB",
                "bn",
                null,
                List.of("Acme Pvt Ltd", "Vikram Shah"));
        List<Category> employment = List.of(Category.EMPLOYMENT);
        best = fx.lawyer(
                "Best Fit", null, employment, List.of("IN-WB"), List.of("bn"), 0, false, ProfileStatus.APPROVED);
        fx.table.stats(new LawyerStats(best.id(), 4, 4 * 3600, List.of(), 1));
        national = fx.lawyer(
                "National Bar", null, employment, List.of("IN"), List.of("bn"), 0, false, ProfileStatus.APPROVED);
        good = fx.lawyer(
                "Half Busy", null, employment, List.of("IN-WB"), List.of("bn"), 1, false, ProfileStatus.APPROVED);
        noBengali = fx.lawyer(
                "English Only", null, employment, List.of("IN-WB"), List.of("en"), 0, false, ProfileStatus.APPROVED);
        otherState = fx.lawyer(
                "Delhi Bar", null, employment, List.of("IN-DL"), List.of("bn"), 0, false, ProfileStatus.APPROVED);

        excluded.add(fx.lawyer(
                "Litigator Only",
                null,
                List.of(Category.LITIGATION),
                List.of("IN-WB"),
                List.of("bn"),
                0,
                false,
                ProfileStatus.APPROVED));
        excluded.add(fx.lawyer(
                "Not Yet Approved",
                null,
                employment,
                List.of("IN-WB"),
                List.of("bn"),
                0,
                false,
                ProfileStatus.PENDING_REVIEW));
        excluded.add(fx.lawyer(
                "On A Break", null, employment, List.of("IN-WB"), List.of("bn"), 0, true, ProfileStatus.APPROVED));
        excluded.add(fx.lawyer(
                "Fully Booked", null, employment, List.of("IN-WB"), List.of("bn"), 2, false, ProfileStatus.APPROVED));
        excluded.add(fx.lawyer(
                "Acme Counsel",
                "Acme Pvt Ltd",
                employment,
                List.of("IN-WB"),
                List.of("bn"),
                0,
                false,
                ProfileStatus.APPROVED));
        excluded.add(fx.lawyer(
                "Vikram Shah", null, employment, List.of("IN-WB"), List.of("bn"), 0, false, ProfileStatus.APPROVED));
        Lawyer decliner = fx.lawyer(
                "Said No", null, employment, List.of("IN-WB"), List.of("bn"), 0, false, ProfileStatus.APPROVED);
        Lawyer lapsed = fx.lawyer(
                "Never Answered", null, employment, List.of("IN-WB"), List.of("bn"), 0, false, ProfileStatus.APPROVED);
        excluded.add(decliner);
        excluded.add(lapsed);
        fx.table.offer(new Offer(
                request.id(),
                decliner.id(),
                OfferStatus.DECLINED,
                Fixture.START,
                Fixture.START.plus(Duration.ofHours(24)),
                "hash-1",
                Fixture.START.plusSeconds(60),
                "too busy",
                false,
                2));
        fx.table.offer(new Offer(
                request.id(),
                lapsed.id(),
                OfferStatus.EXPIRED,
                Fixture.START,
                Fixture.START.plus(Duration.ofHours(24)),
                "hash-2",
                Fixture.START.plus(Duration.ofHours(24)),
                "no answer",
                false,
                2));
    }

    @Test
    void candidates_come_best_first_and_every_excluded_lawyer_is_left_out() {
        JsonNode result = fx.invoke("assign-suggest.json", Map.of("requestId", request.id(), "limit", 20));

        List<String> ranked = new ArrayList<>();
        result.path("candidates").forEach(c -> ranked.add(c.path("lawyerId").asText()));
        assertThat(ranked).containsExactly(best.id(), national.id(), good.id(), noBengali.id(), otherState.id());
        assertThat(ranked)
                .doesNotContainAnyElementsOf(excluded.stream().map(Lawyer::id).toList());
        JsonNode first = result.path("candidates").path(0);
        assertThat(first.path("name").asText()).isEqualTo("Best Fit");
        assertThat(first.path("score").asInt()).isEqualTo(100);
        assertThat(first.path("reasons").toString())
                .contains(
                        "practises in IN-WB",
                        "works in bn",
                        "0 of 2 matters in hand",
                        "answers offers in about 1 h on average");
        assertThat(result.path("candidates").path(1).path("reasons").toString())
                .contains("practises in IN-WB"); // a national practice covers IN-WB
    }

    @Test
    void the_limit_defaults_to_five_and_is_respected() {
        assertThat(fx.invoke("assign-suggest.json", Map.of("requestId", request.id(), "limit", 2))
                        .path("candidates"))
                .hasSize(2);
        String event = TestEvents.command("assign-suggest.json")
                .without("limit")
                .with("requestId", request.id())
                .text();
        assertThat(fx.invoke(event).path("candidates")).hasSize(5);
    }

    @Test
    void a_limit_out_of_range_or_an_unknown_request_is_refused_and_writes_nothing() {
        int before = fx.aws.countItems();

        assertThat(fx.invoke("assign-suggest.json", Map.of("requestId", request.id(), "limit", 21))
                        .path("error")
                        .path("status")
                        .asInt())
                .isEqualTo(400);
        assertThat(fx.invoke("assign-suggest.json", Map.of("requestId", "no-such-request"))
                        .path("error")
                        .path("status")
                        .asInt())
                .isEqualTo(404);
        assertThat(fx.aws.countItems()).isEqualTo(before);
    }
}
