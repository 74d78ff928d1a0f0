package org.probono.clearinghouse.submit.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.submit.handler.SubmitApi.Reply;
import org.probono.clearinghouse.testkit.TableFixture.OrganisationWithToken;

@ExtendWith(LocalAwsExtension.class)
class ListAndFeedbackTest {
    private World world;
    private SubmitApi api;
    private OrganisationWithToken shakti;
    private OrganisationWithToken other;

    @BeforeEach
    void setUp(LocalAws aws) {
        world = new World(aws);
        api = new SubmitApi(new SubmitRequestHandler());
        shakti = world.shakti();
        other = world.approvedOrganisation("Chitrakatha Trust", "asha@chitrakatha.example");
    }

    private String submit(OrganisationWithToken org) {
        return api.submit(org.token(), null, SubmitFlowTest.body())
                .body()
                .path("id")
                .asText();
    }

    private String completedRequest() {
        String id = submit(shakti);
        Lawyer meera = world.lawyer("Meera Rao", 1);
        world.offer(id, List.of(meera), List.of());
        world.accept(id, meera);
        world.complete(id, "Contract signed after two rounds of review.", 6.5);
        return id;
    }

    @Test
    void the_organisation_lists_its_own_requests_newest_first_twenty_a_page_and_the_last_page_says_next_is_null() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 23; i++) mine.add(submit(shakti));
        String theirs = submit(other);

        Reply first = api.list(shakti.token(), null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("items")).hasSize(20);
        String cursor = first.body().path("next").asText();
        assertThat(cursor).isNotBlank();

        Reply second = api.list(shakti.token(), cursor);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("items")).hasSize(3);
        assertThat(second.body().has("next")).as("next is present, as null").isTrue();
        assertThat(second.body().path("next").isNull()).isTrue();

        List<JsonNode> items = new ArrayList<>();
        first.body().path("items").forEach(items::add);
        second.body().path("items").forEach(items::add);
        assertThat(items)
                .extracting(item -> item.path("id").asText())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(mine)
                .doesNotContain(theirs);
        List<Instant> created = items.stream()
                .map(item -> Instant.parse(item.path("createdAt").asText()))
                .toList();
        assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));
        JsonNode one = items.getFirst();
        assertThat(one.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(one.path("category").asText())
                .isEqualTo(SubmitFlowTest.body().path("category").asText());
        assertThat(one.path("title").asText())
                .isEqualTo(SubmitFlowTest.body().path("title").asText());
        assertThat(one.has("summary"))
                .as("the list carries no summary nor details")
                .isFalse();
    }

    @Test
    void an_organisation_with_no_requests_gets_an_empty_page_and_no_cursor() {
        Reply reply = api.list(shakti.token(), null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("items")).isEmpty();
        assertThat(reply.body().path("next").isNull()).isTrue();
    }

    @Test
    void a_cursor_altered_forged_or_from_another_organisations_listing_is_a_400() {
        for (int i = 0; i < 21; i++) submit(other);
        String theirs = api.list(other.token(), null).body().path("next").asText();
        // The MAC's first character: all six of its bits count (the last one's low bits are base64 padding,
        // so changing A to B there, or B, C or D to A, decoded to the same MAC one run in sixteen).
        int at = theirs.lastIndexOf('.') + 1;
        String altered = theirs.substring(0, at) + (theirs.charAt(at) == 'A' ? 'B' : 'A') + theirs.substring(at + 1);

        for (String bad : List.of(theirs, altered, "abc", "e30.e30", theirs.replace(".", ""))) {
            Reply reply = api.list(shakti.token(), bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        }
        assertThat(api.list(other.token(), altered).status()).isEqualTo(400);
        assertThat(api.list(other.token(), theirs).body().path("items")).hasSize(1);
    }

    @Test
    void listing_without_a_valid_token_is_a_401() {
        assertThat(api.list(null, null).status()).isEqualTo(401);
        world.revoke(shakti);
        assertThat(api.list(shakti.token(), null).status()).isEqualTo(401);
    }

    @Test
    void feedback_on_a_completed_request_is_stored_once_and_the_view_shows_outcome_hours_and_feedback() {
        String id = completedRequest();

        Reply given = api.feedback(shakti.token(), id, "{\"rating\":5,\"comment\":\"Quick and clear.\"}");

        assertThat(given.status()).isEqualTo(201);
        assertThat(given.body().path("id").asText()).isEqualTo(id);
        assertThat(given.body().path("rating").asInt()).isEqualTo(5);
        JsonNode view = api.view(shakti.token(), id).body();
        assertThat(view.path("outcome").asText()).isEqualTo("Contract signed after two rounds of review.");
        assertThat(view.path("hoursSpent").asDouble()).isEqualTo(6.5);
        assertThat(view.path("feedback").path("rating").asInt()).isEqualTo(5);
        assertThat(view.path("feedback").path("comment").asText()).isEqualTo("Quick and clear.");
        assertThat(view.path("lawyer").path("name").asText()).isEqualTo("Meera Rao");

        Reply again = api.feedback(shakti.token(), id, "{\"rating\":1}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(world.table.readRequest(id).feedback().rating()).isEqualTo(5);
        assertThat(world.impactTotal(id).number("feedbackCount"))
                .as("counted once, in the report's totals")
                .isEqualTo(1);
        assertThat(world.impactTotal(id).number("ratingSum")).isEqualTo(5);
    }

    @Test
    void feedback_without_a_comment_is_a_rating_alone() {
        String id = completedRequest();

        assertThat(api.feedback(shakti.token(), id, "{\"rating\":3}").status()).isEqualTo(201);

        JsonNode feedback = api.view(shakti.token(), id).body().path("feedback");
        assertThat(feedback.path("rating").asInt()).isEqualTo(3);
        assertThat(feedback.has("comment")).isFalse();
    }

    @Test
    void feedback_before_completion_is_a_409_and_on_another_organisations_request_a_404() {
        String open = submit(shakti);
        String theirs = submit(other);

        assertThat(api.feedback(shakti.token(), open, "{\"rating\":4}").status())
                .isEqualTo(409);
        assertThat(api.feedback(shakti.token(), theirs, "{\"rating\":4}").status())
                .isEqualTo(404);
        assertThat(world.table.readRequest(open).feedback()).isNull();
        assertThat(world.table.readRequest(open).version()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"rating\":\"5\"}",
                "{\"rating\":4.5}",
                "{\"rating\":0}",
                "{\"rating\":6}",
                "{}",
                "{\"rating\":null}",
                "{\"rating\":5,\"comment\":42}",
                "{\"rating\":5,\"stars\":5}",
                "[5]",
                "5"
            })
    void a_bad_feedback_body_is_a_400_and_writes_nothing(String body) {
        String id = completedRequest();
        long version = world.table.readRequest(id).version();

        Reply reply = api.feedback(shakti.token(), id, body);

        assertThat(reply.status()).as(body).isEqualTo(400);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(world.table.readRequest(id).version()).isEqualTo(version);
        assertThat(world.table.readRequest(id).feedback()).isNull();
    }

    @Test
    void a_comment_over_two_thousand_characters_is_a_400_naming_the_field() {
        String id = completedRequest();

        Reply reply = api.feedback(shakti.token(), id, "{\"rating\":5,\"comment\":\"" + "x".repeat(2001) + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").get(0).path("field").asText()).isEqualTo("comment");
        assertThat(world.table.readRequest(id).feedback()).isNull();
    }
}
