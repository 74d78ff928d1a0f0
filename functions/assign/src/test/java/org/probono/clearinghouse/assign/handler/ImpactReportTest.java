package org.probono.clearinghouse.assign.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Contact;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OrganisationType;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.matters.Answer;
import org.probono.clearinghouse.matters.OfferDecisions;
import org.probono.clearinghouse.store.AuditItems;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.TableFigures;
import org.probono.clearinghouse.store.Transaction;
import org.probono.clearinghouse.testkit.TestJson;

/**
 * A scripted November (Asia/Kolkata) through every state change the report counts, then every figure of
 * the report checked against the script. Submits, withdrawals and feedback are written as SubmitRequest
 * writes them (the same shared RunningTotals calls); offers, answers, expiry, completion and closing go
 * through AssignFunction's entry class and the shared offer rules.
 */
@ExtendWith(LocalAwsExtension.class)
class ImpactReportTest {
    private Fixture fx;
    private RunningTotals totals;
    private OfferDecisions decisions;
    private Organisation chitrakatha;
    private Lawyer meera;
    private Lawyer arjun;
    private Lawyer kavya;

    @BeforeEach
    void setUp(LocalAws aws) {
        fx = new Fixture(aws);
        totals = new RunningTotals(fx.config.timeZone());
        decisions = fx.decisions();
        chitrakatha = new Organisation(
                fx.ids.next(),
                "Chitrakatha Trust",
                OrganisationType.TRUST,
                "REG-2",
                "IN-DL",
                "Delhi",
                null,
                List.of("art"),
                new Contact("Ravi Kumar", "ravi@chitrakatha.example", "+919810000002"),
                ProfileStatus.APPROVED,
                Fixture.START,
                2);
        assertThat(fx.store
                        .commit(new Transaction().create(OrganisationItems.toItem(chitrakatha)))
                        .committed())
                .isTrue();
        List<Category> areas = List.of(Category.EMPLOYMENT, Category.CONTRACT_REVIEW);
        meera = fx.lawyer(
                "Meera Rao",
                "Rao & Co",
                areas,
                List.of("IN-WB", "IN-DL"),
                List.of("en"),
                0,
                false,
                ProfileStatus.APPROVED);
        arjun = fx.lawyer(
                "Arjun Sen", null, areas, List.of("IN-WB", "IN-DL"), List.of("en"), 0, false, ProfileStatus.APPROVED);
        kavya = fx.lawyer(
                "Kavya Iyer", null, areas, List.of("IN-WB", "IN-DL"), List.of("en"), 0, false, ProfileStatus.APPROVED);
    }

    @Test
    void a_scripted_month_is_reported_figure_by_figure() {
        // 23:30 IST on 31 October: October's, not November's.
        LegalRequest r0 = submit(fx.org, Category.EMPLOYMENT, "IN-WB", "2026-10-31T18:00:00Z");
        // 00:30 IST on 1 November: offered to two, one declines, the other accepts and completes; rated 5.
        LegalRequest r1 = submit(fx.org, Category.CONTRACT_REVIEW, "IN-WB", "2026-10-31T19:00:00Z");
        assign(r1, "2026-10-31T21:00:00Z", meera, arjun);
        answer(r1, arjun, "2026-10-31T22:00:00Z", new Answer.Decline("Conflict of interest."));
        answer(r1, meera, "2026-11-01T00:00:00Z", new Answer.Accept());
        complete(r1, "2026-11-03T10:00:00Z", 6.5);
        feedback(r1, 5);
        // Declined by one, then accepted by another; completed; rated 3.
        LegalRequest r2 = submit(fx.org, Category.EMPLOYMENT, "IN-WB", "2026-11-05T06:00:00Z");
        assign(r2, "2026-11-05T10:00:00Z", kavya);
        answer(r2, kavya, "2026-11-05T11:00:00Z", new Answer.Decline("  conflict   of interest "));
        assign(r2, "2026-11-05T16:00:00Z", arjun);
        answer(r2, arjun, "2026-11-05T18:00:00Z", new Answer.Accept());
        complete(r2, "2026-11-06T10:00:00Z", 2.25);
        feedback(r2, 3);
        // Offered, left to expire, then closed by the team.
        LegalRequest r3 = submit(chitrakatha, Category.EMPLOYMENT, "IN-DL", "2026-11-10T06:00:00Z");
        assign(r3, "2026-11-10T07:00:00Z", meera);
        fx.clock.set(Instant.parse("2026-11-11T08:00:00Z"));
        assertThat(fx.invoke("assign-schedule.json", Map.of()).path("expired").asInt())
                .isEqualTo(1);
        fx.clock.set(Instant.parse("2026-11-11T12:00:00Z"));
        assertThat(fx.invoke("assign-close.json", Map.of("requestId", r3.id()))
                        .path("status")
                        .asText())
                .isEqualTo("CLOSED");
        // Withdrawn by its organisation before any offer.
        LegalRequest r4 = submit(chitrakatha, Category.CONTRACT_REVIEW, "IN-DL", "2026-11-12T06:00:00Z");
        withdraw(r4, "2026-11-12T08:00:00Z");
        // Accepted, still in hand at the month's end.
        LegalRequest r5 = submit(fx.org, Category.EMPLOYMENT, "IN-WB", "2026-11-20T06:00:00Z");
        assign(r5, "2026-11-20T14:00:00Z", kavya);
        answer(r5, kavya, "2026-11-20T15:00:00Z", new Answer.Accept());
        // 00:15 IST on 1 December: December's.
        LegalRequest r6 = submit(fx.org, Category.EMPLOYMENT, "IN-WB", "2026-11-30T18:45:00Z");
        assign(r6, "2026-11-30T19:00:00Z", meera);

        JsonNode report = fx.invoke("assign-report.json", Map.of("from", "2026-11-01", "to", "2026-11-30"));

        assertThat(report.path("from").asText()).isEqualTo("2026-11-01");
        assertThat(report.path("to").asText()).isEqualTo("2026-11-30");
        assertThat(report.path("requests"))
                .isEqualTo(json("{\"received\":5,\"placed\":3,\"completed\":2,\"closed\":1,\"withdrawn\":1}"));
        assertThat(report.path("hoursDonated").asDouble()).isEqualTo(8.75);
        assertThat(report.path("medianHoursToFirstOffer").asDouble()).isEqualTo(3.0); // 1, 2, 4, 8
        assertThat(report.path("medianHoursToAcceptance").asDouble()).isEqualTo(9.0); // 5, 9, 12
        assertThat(report.path("offers")).isEqualTo(json("{\"made\":6,\"accepted\":3,\"declined\":2,\"expired\":1}"));
        assertThat(report.path("declineReasons"))
                .isEqualTo(json("[{\"reason\":\"conflict of interest\",\"count\":2}]"));
        assertThat(report.path("byCategory")).isEqualTo(json("""
                [{"category":"EMPLOYMENT","received":3,"completed":1,"hours":2.25},
                 {"category":"CONTRACT_REVIEW","received":2,"completed":1,"hours":6.5}]"""));
        assertThat(report.path("byJurisdiction")).isEqualTo(json("""
                [{"jurisdiction":"IN-WB","received":3,"completed":2,"hours":8.75},
                 {"jurisdiction":"IN-DL","received":2,"completed":0,"hours":0.0}]"""));
        assertThat(report.path("lawyers")).isEqualTo(json("""
                [{"id":"%s","name":"Meera Rao","matters":1,"hours":6.5},
                 {"id":"%s","name":"Arjun Sen","matters":1,"hours":2.25},
                 {"id":"%s","name":"Kavya Iyer","matters":1,"hours":0.0}]""".formatted(meera.id(), arjun.id(), kavya.id())));
        assertThat(report.path("organisations")).isEqualTo(json("""
                [{"id":"%s","name":"Shakti Vahini","requests":3,"completed":2},
                 {"id":"%s","name":"Chitrakatha Trust","requests":2,"completed":0}]""".formatted(fx.org.id(), chitrakatha.id())));
        assertThat(report.path("feedback")).isEqualTo(json("{\"count\":2,\"averageRating\":4.0}"));
        assertThat(TestJson.write(report)).doesNotContain(Fixture.CONFIDENTIAL).doesNotContain("Summary of");

        JsonNode october = fx.invoke("assign-report.json", Map.of("from", "2026-10-01", "to", "2026-10-31"));
        assertThat(october.path("requests").path("received").asInt()).isEqualTo(1);
        assertThat(october.path("organisations").get(0).path("id").asText()).isEqualTo(r0.organisationId());
        JsonNode december = fx.invoke("assign-report.json", Map.of("from", "2026-12-01", "to", "2026-12-01"));
        assertThat(december.path("requests").path("received").asInt()).isEqualTo(1);
        assertThat(december.path("offers").path("made").asInt()).isEqualTo(1);
        assertThat(r6.id()).isNotBlank();
    }

    @Test
    void a_request_from_before_the_totals_is_counted_from_its_first_change_with_a_whole_row() {
        fx.clock.set(Instant.parse("2026-11-02T06:00:00Z"));
        LegalRequest old = fx.request("Written before the running totals existed"); // no totals, as before the feature
        assign(old, "2026-11-02T08:00:00Z", meera);
        answer(old, meera, "2026-11-02T09:00:00Z", new Answer.Accept());
        complete(old, "2026-11-03T09:00:00Z", 2.0);

        var period = new org.probono.clearinghouse.impact.ImpactFigures(new TableFigures(fx.store))
                .read(java.time.LocalDate.parse("2026-11-01"), java.time.LocalDate.parse("2026-11-30"));

        assertThat(period.report().requests().received()).isZero();
        assertThat(period.report().requests().completed()).isEqualTo(1);
        assertThat(period.report().hoursDonated()).isEqualTo(2.0);
        assertThat(period.rows()).singleElement().satisfies(row -> {
            assertThat(row.requestId()).isEqualTo(old.id());
            assertThat(row.createdAt()).isEqualTo(old.createdAt());
            assertThat(row.status()).isEqualTo("COMPLETED");
            assertThat(row.lawyerName()).isEqualTo("Meera Rao");
            assertThat(row.organisationName()).isEqualTo("Shakti Vahini");
            assertThat(row.hoursSpent()).isEqualTo(2.0);
        });
    }

    @Test
    void a_period_with_nothing_in_it_reports_zeros_empty_lists_and_null_medians() {
        JsonNode report = fx.invoke("assign-report.json", Map.of("from", "2025-01-01", "to", "2025-01-31"));

        assertThat(report.path("requests").path("received").asInt()).isZero();
        assertThat(report.path("hoursDonated").asDouble()).isZero();
        assertThat(report.has("medianHoursToFirstOffer")).isTrue();
        assertThat(report.path("medianHoursToFirstOffer").isNull()).isTrue();
        assertThat(report.path("medianHoursToAcceptance").isNull()).isTrue();
        assertThat(report.path("feedback").path("count").asInt()).isZero();
        assertThat(report.path("feedback").path("averageRating").isNull()).isTrue();
        assertThat(report.path("lawyers")).isEmpty();
        assertThat(report.path("declineReasons")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-11-31|2026-11-30|from must be a day",
                "2026-11-01|01/12/2026|to must be a day",
                "2026-11-30|2026-11-01|'to' is before 'from'",
                "2025-01-01|2026-01-02|at most 366 days"
            })
    void a_bad_period_is_a_400_that_names_what_is_wrong(String from, String to, String detail) {
        JsonNode answer = fx.invoke("assign-report.json", Map.of("from", from, "to", to));

        assertThat(answer.path("error").path("status").asInt()).isEqualTo(400);
        assertThat(answer.path("error").path("detail").asText()).contains(detail);
    }

    @Test
    void a_report_without_its_period_or_with_an_unknown_field_is_a_400() {
        assertThat(fx.invoke("{\"command\":\"report\",\"from\":\"2026-11-01\"}")
                        .path("error")
                        .path("status")
                        .asInt())
                .isEqualTo(400);
        assertThat(fx.invoke("assign-report.json", Map.of("month", "2026-11"))
                        .path("error")
                        .path("detail")
                        .asText())
                .contains("month is not a known field");
    }

    @Test
    void the_monthly_schedule_on_the_first_asks_for_the_previous_months_report_by_email_to_the_team() {
        fx.clock.set(Instant.parse("2026-12-01T02:30:00Z")); // 08:00 IST on 1 December

        JsonNode result = fx.invoke("{\"command\":\"monthly-report\"}");

        assertThat(result.path("month").asText()).isEqualTo("2026-11");
        assertThat(result.path("from").asText()).isEqualTo("2026-11-01");
        assertThat(result.path("to").asText()).isEqualTo("2026-11-30");
        var mail = fx.table.outbox(org.probono.clearinghouse.domain.EmailTemplate.ADMIN_IMPACT_REPORT);
        assertThat(mail).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo(fx.config.adminEmail());
            assertThat(m.data())
                    .containsEntry("month", "2026-11")
                    .containsEntry("from", "2026-11-01")
                    .containsEntry("to", "2026-11-30");
        });
    }

    @Test
    void an_admin_can_ask_for_any_months_report_and_a_bad_month_is_a_400() {
        JsonNode february = fx.invoke("assign-monthly-report.json", Map.of("month", "2028-02"));
        assertThat(february.path("to").asText()).isEqualTo("2028-02-29");

        for (String bad : List.of("2026-13", "2026-1", "November")) {
            JsonNode answer = fx.invoke("assign-monthly-report.json", Map.of("month", bad));
            assertThat(answer.path("error").path("status").asInt()).as(bad).isEqualTo(400);
        }
        assertThat(fx.table.outbox(org.probono.clearinghouse.domain.EmailTemplate.ADMIN_IMPACT_REPORT))
                .hasSize(1);
    }

    // ------------------------------------------------------------------ the script's steps

    /** A request as SubmitRequest writes it: the request, its audit event and its running totals. */
    private LegalRequest submit(Organisation org, Category category, String jurisdiction, String at) {
        fx.clock.set(Instant.parse(at));
        LegalRequest request = new LegalRequest(
                fx.ids.next(),
                org.id(),
                RequestStatus.SUBMITTED,
                category,
                "Help with " + category,
                "Summary of the matter",
                Fixture.CONFIDENTIAL,
                jurisdiction,
                "en",
                null,
                List.of(),
                fx.clock.instant(),
                null,
                1);
        Transaction transaction = new Transaction()
                .create(RequestItems.toItem(request))
                .create(AuditItems.toItem(
                        Keys.requestPk(request.id()),
                        new AuditEvent(fx.clock.instant(), "SUBMITTED", "Submitted", "organisation:" + org.id())));
        totals.count(transaction, new Tally.Received(request));
        assertThat(fx.store.commit(transaction).committed()).isTrue();
        return request;
    }

    private void assign(LegalRequest request, String at, Lawyer... lawyers) {
        fx.clock.set(Instant.parse(at));
        JsonNode result = fx.invoke(
                "assign-assign.json",
                Map.of(
                        "requestId",
                        request.id(),
                        "lawyerIds",
                        List.of(lawyers).stream().map(Lawyer::id).toList(),
                        "respondWithinHours",
                        24));
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("OFFERED");
    }

    private void answer(LegalRequest request, Lawyer lawyer, String at, Answer answer) {
        fx.clock.set(Instant.parse(at));
        decisions.answer(request.id(), lawyer.id(), answer, "lawyer:" + lawyer.id());
    }

    private void complete(LegalRequest request, String at, double hours) {
        fx.clock.set(Instant.parse(at));
        JsonNode result = fx.invoke("assign-complete.json", Map.of("requestId", request.id(), "hoursSpent", hours));
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("COMPLETED");
    }

    /** Feedback as SubmitRequest writes it. */
    private void feedback(LegalRequest request, int rating) {
        fx.clock.advance(Duration.ofHours(1));
        LegalRequest current = fx.table.readRequest(request.id());
        LegalRequest rated = current.rated(new LegalRequest.Feedback(rating, null, fx.clock.instant()));
        Transaction transaction = new Transaction().replace(RequestItems.toItem(rated), current.version());
        totals.count(transaction, new Tally.Rated(rated));
        assertThat(fx.store.commit(transaction).committed()).isTrue();
    }

    /** A withdrawal as SubmitRequest writes it (no offers pending here). */
    private void withdraw(LegalRequest request, String at) {
        fx.clock.set(Instant.parse(at));
        Transaction transaction = new Transaction();
        LegalRequest current = fx.table.readRequest(request.id());
        LegalRequest withdrawn = current.endedAs(RequestStatus.WITHDRAWN, fx.clock.instant());
        transaction.replace(RequestItems.toItem(withdrawn), current.version());
        totals.count(transaction, new Tally.Ended(withdrawn));
        assertThat(fx.store.commit(transaction).committed()).isTrue();
    }

    private static JsonNode json(String text) {
        try {
            return TestJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
