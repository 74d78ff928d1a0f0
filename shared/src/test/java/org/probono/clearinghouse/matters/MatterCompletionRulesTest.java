package org.probono.clearinghouse.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.testkit.InMemoryMatters;
import org.probono.clearinghouse.testkit.MatterSamples;
import org.probono.clearinghouse.testkit.MovableClock;

/** Completing an accepted matter, by the team or by the lawyer's reply, on the in-memory ports: no backend. */
class MatterCompletionRulesTest {
    private static final Instant ACCEPTED_AT = Instant.parse("2026-11-20T10:00:00Z");

    private final MovableClock clock = new MovableClock(ACCEPTED_AT.plus(Duration.ofDays(5)));
    private final InMemoryMatters table = new InMemoryMatters(clock);
    private final MatterCompletion completion = new MatterCompletion(
            table, table, table, new MatterEmails(new Ids(clock), "team@clearinghouse.example"), clock);
    private final String replyToken = new Secrets().newReplyToken();
    private Lawyer meera;
    private Lawyer ravi;
    private LegalRequest accepted;

    @BeforeEach
    void setUp() {
        Organisation org = MatterSamples.organisation("ORG-1");
        meera = MatterSamples.lawyer("L-M", "Meera Das", 1);
        ravi = MatterSamples.lawyer("L-R", "Ravi Sen", 1);
        accepted = MatterSamples.request("REQ-1", org, RequestStatus.OFFERED, ACCEPTED_AT.minus(Duration.ofDays(2)))
                .acceptedBy(meera.id());
        table.put(org)
                .put(accepted)
                .put(meera)
                .put(ravi)
                .put(MatterCompletion.replyToken(replyToken, accepted.id(), meera.id(), ACCEPTED_AT));
    }

    @Test
    void completing_an_accepted_matter_ends_it_releases_the_load_counts_it_and_asks_for_feedback() {
        MatterCompletion.Completed done = completion.complete(accepted.id(), "Contract signed", 6.5, "admin");

        assertThat(done).isEqualTo(new MatterCompletion.Completed.Done(accepted.id()));
        LegalRequest after = table.request(accepted.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(after.completion()).isEqualTo(new LegalRequest.Completion("Contract signed", 6.5));
        assertThat(after.endedAt()).isEqualTo(clock.instant());
        assertThat(table.lawyer(meera.id()).orElseThrow().activeMatters()).isZero();
        assertThat(table.tallies()).containsExactly(new Tally.Completed(after));
        assertThat(table.emails())
                .singleElement()
                .extracting(m -> m.template())
                .isEqualTo(EmailTemplate.REQUEST_COMPLETED);
        assertThat(table.history(accepted.id()).getLast().note()).isEqualTo("Completed: Contract signed");
    }

    @Test
    void the_lawyers_done_reply_completes_the_matter_in_their_name() {
        MatterCompletion.Completed done =
                completion.completeByReply(replyToken, " Meera.Das@law.example ", 2, "Advice given");

        assertThat(done).isEqualTo(new MatterCompletion.Completed.Done(accepted.id()));
        assertThat(table.history(accepted.id()).getLast().actor()).isEqualTo("lawyer:" + meera.id());
    }

    @Test
    void a_request_not_accepted_cannot_be_completed_and_nothing_is_written() {
        completion.complete(accepted.id(), "Contract signed", 6.5, "admin");

        assertThat(completion.complete(accepted.id(), "again", 1, "admin"))
                .isEqualTo(new MatterCompletion.Completed.NotAccepted(accepted.id(), RequestStatus.COMPLETED));
        assertThat(completion.complete("REQ-NONE", "x", 1, "admin"))
                .isEqualTo(new MatterCompletion.Completed.NotFound());
        assertThat(table.commits()).isEqualTo(1);
    }

    @Test
    void a_reply_from_another_address_or_with_an_unknown_or_expired_token_changes_nothing() {
        assertThat(completion.completeByReply(replyToken, ravi.email(), 2, "done"))
                .isEqualTo(new MatterCompletion.Completed.WrongSender(accepted.id()));
        assertThat(completion.completeByReply(new Secrets().newReplyToken(), meera.email(), 2, "done"))
                .isEqualTo(new MatterCompletion.Completed.UnknownToken());
        clock.set(ACCEPTED_AT.plus(MatterCompletion.REPLY_TOKEN_LIFETIME));
        assertThat(completion.completeByReply(replyToken, meera.email(), 2, "done"))
                .isEqualTo(new MatterCompletion.Completed.UnknownToken());
        assertThat(table.commits()).isZero();
    }

    @Test
    void a_change_that_got_in_first_is_decided_again_on_fresh_reads() {
        table.beforeNextCommit(
                () -> table.put(table.lawyer(meera.id()).orElseThrow().withLoadChange(+1)));

        assertThat(completion.complete(accepted.id(), "Contract signed", 6.5, "admin"))
                .isEqualTo(new MatterCompletion.Completed.Done(accepted.id()));
        assertThat(table.lawyer(meera.id()).orElseThrow().activeMatters()).isEqualTo(1);
    }

    @Test
    void a_matter_that_keeps_changing_is_busy_and_nothing_is_written() {
        Runnable keepRacing = new Runnable() {
            @Override
            public void run() {
                table.put(table.lawyer(meera.id()).orElseThrow().withLoadChange(0));
                table.beforeNextCommit(this);
            }
        };
        table.beforeNextCommit(keepRacing);

        assertThat(completion.complete(accepted.id(), "Contract signed", 6.5, "admin"))
                .isEqualTo(new MatterCompletion.Completed.Busy(accepted.id()));
        assertThat(table.request(accepted.id())).contains(accepted);
        assertThat(table.commits()).isZero();
    }
}
