package org.probono.clearinghouse.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every from/to pair of the request's and the offer's statuses: the allowed moves are made, every other refused. */
class TransitionsTest {
    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

    /** The whole table of a request's moves, written out once more so a change to it is a deliberate one. */
    private static final Map<RequestStatus, Set<RequestStatus>> ALLOWED = Map.of(
            RequestStatus.SUBMITTED, EnumSet.of(RequestStatus.OFFERED, RequestStatus.WITHDRAWN, RequestStatus.CLOSED),
            RequestStatus.OFFERED,
                    EnumSet.of(
                            RequestStatus.OFFERED,
                            RequestStatus.SUBMITTED,
                            RequestStatus.ACCEPTED,
                            RequestStatus.WITHDRAWN,
                            RequestStatus.CLOSED),
            RequestStatus.ACCEPTED, EnumSet.of(RequestStatus.COMPLETED),
            RequestStatus.COMPLETED, EnumSet.noneOf(RequestStatus.class),
            RequestStatus.WITHDRAWN, EnumSet.noneOf(RequestStatus.class),
            RequestStatus.CLOSED, EnumSet.noneOf(RequestStatus.class));

    /** The record's way into each status (OFFERED to SUBMITTED: its last pending offer ended). */
    private static final Map<RequestStatus, Function<LegalRequest, LegalRequest>> MOVES = Map.of(
            RequestStatus.SUBMITTED, request -> request.offerEnded(false),
            RequestStatus.OFFERED, LegalRequest::offered,
            RequestStatus.ACCEPTED, request -> request.acceptedBy("L-1"),
            RequestStatus.COMPLETED, request -> request.completed(new LegalRequest.Completion("signed", 2.5), AT),
            RequestStatus.WITHDRAWN, request -> request.endedAs(RequestStatus.WITHDRAWN, AT),
            RequestStatus.CLOSED, request -> request.endedAs(RequestStatus.CLOSED, AT));

    @Test
    void the_request_status_table_allows_exactly_the_matching_moves() {
        for (RequestStatus from : RequestStatus.values()) {
            for (RequestStatus to : RequestStatus.values()) {
                assertThat(from.canMoveTo(to))
                        .as(from + " to " + to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void a_request_makes_every_allowed_move_to_the_next_version_and_refuses_every_other_naming_both_statuses() {
        for (RequestStatus from : RequestStatus.values()) {
            LegalRequest request = request(from);
            for (RequestStatus to : RequestStatus.values()) {
                Function<LegalRequest, LegalRequest> move = MOVES.get(to);
                if (ALLOWED.get(from).contains(to)) {
                    LegalRequest moved = move.apply(request);
                    assertThat(moved.status()).as(from + " to " + to).isEqualTo(to);
                    assertThat(moved.version()).isEqualTo(request.version() + 1);
                } else {
                    assertThatThrownBy(() -> move.apply(request))
                            .as(from + " to " + to)
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining(from.name())
                            .hasMessageContaining(to.name());
                }
            }
        }
    }

    @Test
    void an_ending_records_when_the_request_ended_and_only_ended_statuses_end_it() {
        assertThat(request(RequestStatus.OFFERED)
                        .endedAs(RequestStatus.CLOSED, AT)
                        .endedAt())
                .isEqualTo(AT);
        assertThatThrownBy(() -> request(RequestStatus.OFFERED).endedAs(RequestStatus.SUBMITTED, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_offer_that_ended_back_in_the_queue_or_stayed_offered_is_a_new_version_either_way() {
        LegalRequest offered = request(RequestStatus.OFFERED);

        assertThat(offered.offerEnded(true).status()).isEqualTo(RequestStatus.OFFERED);
        assertThat(offered.offerEnded(true).version()).isEqualTo(offered.version() + 1);
        assertThat(offered.offerEnded(false).status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    @Test
    void only_a_completed_request_is_rated_and_only_once() {
        LegalRequest.Feedback feedback = new LegalRequest.Feedback(5, "thank you", AT);
        LegalRequest completed = request(RequestStatus.COMPLETED);

        assertThat(completed.rated(feedback).feedback()).isEqualTo(feedback);
        assertThatThrownBy(() -> completed.rated(feedback).rated(feedback)).isInstanceOf(IllegalStateException.class);
        for (RequestStatus status : EnumSet.complementOf(EnumSet.of(RequestStatus.COMPLETED))) {
            assertThatThrownBy(() -> request(status).rated(feedback))
                    .as(status.name())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(status.name());
        }
    }

    @Test
    void only_a_pending_offer_is_answered_or_reminded_and_every_answer_is_final() {
        for (OfferStatus from : OfferStatus.values()) {
            for (OfferStatus to : OfferStatus.values()) {
                Offer offer = offer(from);
                boolean allowed = from == OfferStatus.PENDING && to != OfferStatus.PENDING;
                assertThat(from.canMoveTo(to)).as(from + " to " + to).isEqualTo(allowed);
                if (allowed) {
                    Offer answered = offer.answered(to, AT, "why");
                    assertThat(List.of(answered.status(), answered.answeredAt(), answered.version()))
                            .containsExactly(to, AT, offer.version() + 1);
                } else {
                    assertThatThrownBy(() -> offer.answered(to, AT, "why"))
                            .as(from + " to " + to)
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining(from.name())
                            .hasMessageContaining(to.name());
                }
            }
            if (from == OfferStatus.PENDING) {
                assertThat(offer(from).markReminded().reminded()).isTrue();
            } else {
                assertThatThrownBy(() -> offer(from).markReminded()).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    private static LegalRequest request(RequestStatus status) {
        return new LegalRequest(
                "REQ-1",
                "ORG-1",
                status,
                Category.CONTRACT_REVIEW,
                "Title",
                "Summary",
                "sealed",
                "IN-WB",
                "en",
                null,
                List.of(),
                AT,
                status == RequestStatus.SUBMITTED || status == RequestStatus.OFFERED ? null : "L-1",
                7);
    }

    private static Offer offer(OfferStatus status) {
        return new Offer("REQ-1", "L-1", status, AT, AT.plusSeconds(3600), "hash", null, null, false, 3);
    }
}
