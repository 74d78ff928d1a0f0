package org.probono.clearinghouse.assign.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.assign.wiring.Wiring;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.matters.OfferDecisions;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TableLawyers;
import org.probono.clearinghouse.store.TableMatters;
import org.probono.clearinghouse.store.TableOffers;
import org.probono.clearinghouse.testkit.MatterSamples;
import org.probono.clearinghouse.testkit.MovableClock;
import org.probono.clearinghouse.testkit.TableFixture;
import org.probono.clearinghouse.testkit.TestEvents;
import org.probono.clearinghouse.testkit.TestJson;

/**
 * AssignHandler on moto with a clock the tests move: its invocation, the samples these tests speak of
 * (requests of one organisation, lawyers by name) and the reads they check; seeding and reading the table
 * go through the shared {@link TableFixture}.
 */
final class Fixture {
    static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    /** Stands for the confidential details: it must never appear in a command result or an offer email. */
    static final String CONFIDENTIAL = "SEALED-CONFIDENTIAL-MARKER-7f3a";

    final LocalAws aws;
    final MovableClock clock = new MovableClock(START);
    final Ids ids = new Ids(clock);
    final TableFixture table;
    final Store store;
    final Config config;
    final AssignHandler handler;
    final Organisation org;

    Fixture(LocalAws aws) {
        this.aws = aws;
        this.table = new TableFixture(aws, clock);
        this.store = table.store();
        this.config = Config.from(aws.environment());
        this.handler = new AssignHandler(Wiring.create(config, aws.dynamoDb(), aws::kms, clock));
        this.org = table.organisation(MatterSamples.organisation(ids.next())).organisation();
    }

    /** The shared offer rules on this table, as NotifyFunction runs them when a lawyer replies. */
    OfferDecisions decisions() {
        return new OfferDecisions(
                new TableMatters(store, new RunningTotals(config.timeZone())),
                new TableLawyers(store),
                new TableOffers(store),
                new MatterEmails(ids, config.adminEmail()),
                table.box()::sealToken,
                clock);
    }

    /** Invokes the entry class with an events/ file, some fields replaced; checks no confidential text leaks. */
    JsonNode invoke(String eventFile, Map<String, Object> changes) {
        TestEvents.Event event = TestEvents.command(eventFile);
        changes.forEach(event::with);
        return invoke(event.text());
    }

    JsonNode invoke(String rawEvent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(rawEvent.getBytes(StandardCharsets.UTF_8)), out, null);
        String result = out.toString(StandardCharsets.UTF_8);
        assertThat(result).doesNotContain(CONFIDENTIAL);
        try {
            return TestJson.MAPPER.readTree(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A submitted request of {@link #org}, created a second after the one before. */
    LegalRequest request(
            String title,
            Category category,
            String jurisdiction,
            String language,
            Instant deadline,
            List<String> counterparties) {
        LegalRequest request = table.request(new LegalRequest(
                ids.next(),
                org.id(),
                org.name(),
                RequestStatus.SUBMITTED,
                category,
                title,
                "Summary of " + title,
                CONFIDENTIAL,
                jurisdiction,
                language,
                deadline,
                counterparties,
                clock.instant(),
                null,
                null,
                1,
                null,
                null));
        clock.advance(Duration.ofSeconds(1));
        return request;
    }

    LegalRequest request(String title) {
        return request(title, Category.EMPLOYMENT, "IN-WB", "bn", null, List.of("Acme Pvt Ltd"));
    }

    Lawyer lawyer(
            String name,
            String firm,
            List<Category> areas,
            List<String> jurisdictions,
            List<String> languages,
            int load,
            boolean paused,
            ProfileStatus status) {
        return table.lawyer(new Lawyer(
                ids.next(),
                name,
                name.toLowerCase().replace(' ', '.') + "@law.example",
                "+919830000000",
                firm,
                "WB/1/2020",
                "IN-WB",
                5,
                areas,
                jurisdictions,
                languages,
                2,
                load,
                paused,
                status,
                START,
                3));
    }

    Lawyer lawyer(String name) {
        return lawyer(
                name,
                null,
                List.of(Category.EMPLOYMENT),
                List.of("IN-WB"),
                List.of("bn", "en"),
                0,
                false,
                ProfileStatus.APPROVED);
    }

    int load(Lawyer lawyer) {
        return table.readLawyer(lawyer.id()).activeMatters();
    }

    boolean inQueue(String requestId) {
        return Keys.QUEUE_OPEN.equals(
                store.get(Keys.request(requestId)).orElseThrow().string(Keys.GSI2PK));
    }
}
