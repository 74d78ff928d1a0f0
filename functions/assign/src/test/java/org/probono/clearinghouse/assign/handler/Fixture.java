package org.probono.clearinghouse.assign.handler;

import org.probono.clearinghouse.testkit.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Contact;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LawyerStats;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OrganisationType;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.assign.wiring.Wiring;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.matters.OfferDecisions;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.LawyerStatsItems;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TableLawyers;
import org.probono.clearinghouse.store.TableMatters;
import org.probono.clearinghouse.store.TableOffers;
import org.probono.clearinghouse.store.Transaction;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The world the tests run in: moto, a clock they move, the entry class, and a few writers of state. */
final class Fixture {
    static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    /** Stands for the confidential details: it must never appear in a command result or an offer email. */
    static final String CONFIDENTIAL = "SEALED-CONFIDENTIAL-MARKER-7f3a";

    final LocalAws aws;
    final MovableClock clock = new MovableClock(START);
    final Ids ids = new Ids(clock);
    final Store store;
    final Config config;
    final ConfidentialBox box;
    final AssignHandler handler;
    final Organisation org;

    Fixture(LocalAws aws) {
        this.aws = aws;
        this.store = new Store(aws.dynamoDb(), aws.tableName(), clock);
        this.config = Config.from(aws.environment());
        this.box = new ConfidentialBox(aws.kms(), config.kmsKeyId());
        this.handler = new AssignHandler(Wiring.create(config, aws.dynamoDb(), aws::kms, clock));
        this.org = new Organisation(ids.next(), "Shakti Vahini", OrganisationType.NGO, "REG-1", "IN-WB", "Kolkata",
                null, List.of("trafficking"), new Contact("Asha Rao", "asha@shakti.example", "+919830000001"),
                ProfileStatus.APPROVED, START, 2);
        commit(new Transaction().create(OrganisationItems.toItem(org)));
    }

    /** The shared offer rules on this table, as NotifyFunction runs them when a lawyer replies. */
    OfferDecisions decisions() {
        return new OfferDecisions(new TableMatters(store, new RunningTotals(config.timeZone())), new TableLawyers(store),
                new TableOffers(store), new MatterEmails(ids, config.adminEmail()), box::sealToken, clock);
    }

    /** The raw token an outbox email carries, opened as NotifyFunction opens it. */
    String tokenOf(OutboxMessage email) { return box.openToken(email.sealedToken(), email.id()); }

    /** Invokes the entry class with an events/ file, some fields replaced; checks no confidential text leaks. */
    JsonNode invoke(String eventFile, Map<String, Object> changes) {
        ObjectNode event = (ObjectNode) readEvent(eventFile);
        changes.forEach((field, value) -> event.set(field, Json.MAPPER.valueToTree(value)));
        return invoke(Json.write(event));
    }

    JsonNode invoke(String rawEvent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(rawEvent.getBytes(StandardCharsets.UTF_8)), out, null);
        String result = out.toString(StandardCharsets.UTF_8);
        assertThat(result).doesNotContain(CONFIDENTIAL);
        try {
            return Json.MAPPER.readTree(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readEvent(String eventFile) {
        try {
            return Json.MAPPER.readTree(Files.readString(Template.repositoryRoot().resolve("events").resolve(eventFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LegalRequest request(String title, Category category, String jurisdiction, String language, Instant deadline,
                         List<String> counterparties) {
        LegalRequest request = new LegalRequest(ids.next(), org.id(), org.name(), RequestStatus.SUBMITTED, category, title,
                "Summary of " + title, CONFIDENTIAL, jurisdiction, language, deadline, counterparties, clock.instant(),
                null, null, 1, null, null);
        commit(new Transaction().create(RequestItems.toItem(request)));
        clock.advance(Duration.ofSeconds(1));
        return request;
    }

    LegalRequest request(String title) {
        return request(title, Category.EMPLOYMENT, "IN-WB", "bn", null, List.of("Acme Pvt Ltd"));
    }

    Lawyer lawyer(String name, String firm, List<Category> areas, List<String> jurisdictions, List<String> languages,
                  int load, boolean paused, ProfileStatus status) {
        Lawyer lawyer = new Lawyer(ids.next(), name, name.toLowerCase().replace(' ', '.') + "@law.example",
                "+919830000000", firm, "WB/1/2020", "IN-WB", 5, areas, jurisdictions, languages, 2, load, paused,
                status, START, 3);
        Transaction transaction = new Transaction().create(LawyerItems.toItem(lawyer));
        areas.forEach(area -> transaction.create(LawyerItems.areaItem(lawyer.id(), area)));
        commit(transaction);
        return lawyer;
    }

    Lawyer lawyer(String name) {
        return lawyer(name, null, List.of(Category.EMPLOYMENT), List.of("IN-WB"), List.of("bn", "en"), 0, false,
                ProfileStatus.APPROVED);
    }

    void stats(LawyerStats stats) { commit(new Transaction().create(LawyerStatsItems.toItem(stats))); }

    void offer(Offer offer) { commit(new Transaction().create(OfferItems.toItem(offer))); }

    LegalRequest readRequest(String id) { return RequestItems.from(store.get(Keys.request(id)).orElseThrow()); }

    Offer readOffer(String requestId, String lawyerId) {
        return OfferItems.from(store.get(Keys.offer(requestId, lawyerId)).orElseThrow());
    }

    int load(Lawyer lawyer) {
        return LawyerItems.from(store.get(Keys.lawyer(lawyer.id())).orElseThrow()).activeMatters();
    }

    boolean inQueue(String requestId) {
        return Keys.QUEUE_OPEN.equals(store.get(Keys.request(requestId)).orElseThrow().string(Keys.GSI2PK));
    }

    List<OutboxMessage> outbox(EmailTemplate template) {
        return outbox().stream().filter(m -> m.template() == template).toList();
    }

    List<OutboxMessage> outbox() {
        return aws.dynamoDb().scanPaginator(s -> s.tableName(aws.tableName())
                        .filterExpression("entity = :outbox")
                        .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS(OutboxItems.ENTITY))))
                .items().stream()
                .map(item -> OutboxItems.from(Item.of(EnhancedDocument.fromAttributeValueMap(item))))
                .sorted(java.util.Comparator.comparing(OutboxMessage::id))
                .toList();
    }

    private void commit(Transaction transaction) { assertThat(store.commit(transaction).committed()).isTrue(); }
}
