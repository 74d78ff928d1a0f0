package org.probono.clearinghouse.local.benchmark;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.impact.ImpactFigures;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.local.backend.LocalResources;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TableFigures;
import org.probono.clearinghouse.store.Transaction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The impact report's figure (docs/performance.md): a month of 2,000 requests from 150 organisations,
 * 300 lawyers, written as the state changes write their running totals, then the report read again and
 * again. Prints its latency and the read units DynamoDB would bill, estimated from the bytes each Query
 * and BatchGetItem returns (eventually consistent: 0.5 unit per 4 KB per Query, per item for BatchGet).
 * Usage: java ... ReportBenchmark <DynamoDB endpoint with the template's table created by this program>.
 */
public final class ReportBenchmark {
    static final int REQUESTS = 2000;
    static final int LAWYERS = 300;
    static final int ORGANISATIONS = 150;
    static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    static final LocalDate TO = LocalDate.of(2026, 11, 30);
    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    private ReportBenchmark() {}

    public static void main(String[] args) {
        DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .endpointOverride(URI.create(args[0]))
                .region(Region.AP_SOUTH_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .build();
        LocalResources.createTable(dynamoDb, Template.fromRepository());
        Store store = new Store(dynamoDb, LocalResources.TABLE, Clock.systemUTC());
        long seeded = System.nanoTime();
        int transactions = seed(store, new RunningTotals(ZONE));
        System.out.printf(
                Locale.ROOT,
                "seeded %d requests, %d lawyers, %d organisations: %d transactions in %.1f s%n",
                REQUESTS,
                LAWYERS,
                ORGANISATIONS,
                transactions,
                (System.nanoTime() - seeded) / 1e9);

        ImpactFigures figures = new ImpactFigures(new TableFigures(store));
        for (int i = 0; i < 3; i++) figures.read(FROM, TO);
        List<Double> millis = new ArrayList<>();
        ImpactFigures.Period period = null;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            period = figures.read(FROM, TO);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(Double::compare);
        System.out.printf(
                Locale.ROOT,
                "report of %s..%s: received %d, lawyers %d, organisations %d, rows %d%n",
                FROM,
                TO,
                period.report().requests().received(),
                period.report().lawyers().size(),
                period.report().organisations().size(),
                period.rows().size());
        System.out.printf(
                Locale.ROOT, "latency (warm, 20 reads): p50 %.0f ms, max %.0f ms%n", millis.get(9), millis.getLast());
        readUnits(dynamoDb);
    }

    /** Every request through the changes a month sees, each change one transaction as in production. */
    private static int seed(Store store, RunningTotals totals) {
        Transaction names = new Transaction();
        int count = 0;
        for (int i = 0; i < LAWYERS + ORGANISATIONS; i++) {
            boolean lawyer = i < LAWYERS;
            String id = (lawyer ? "L-" : "O-") + i;
            names.put(Item.write(lawyer ? "LAWYER" : "ORGANISATION", lawyer ? Keys.lawyer(id) : Keys.organisation(id))
                    .string("id", id)
                    .string("name", (lawyer ? "Advocate " : "Trust ") + i)
                    .build());
            if (names.size() == 100) {
                store.commit(names);
                names = new Transaction();
                count++;
            }
        }
        if (!names.isEmpty()) {
            store.commit(names);
            count++;
        }
        Category[] categories = Category.values();
        String[] jurisdictions = {"IN", "IN-WB", "IN-DL", "IN-MH", "IN-KA", "IN-TN", "IN-UP", "IN-AS"};
        for (int n = 0; n < REQUESTS; n++) {
            final int i = n;
            Instant created =
                    FROM.plusDays(i % 30).atTime(10, 0).atZone(ZONE).toInstant().plusSeconds(i);
            LegalRequest request = new LegalRequest(
                    "R-" + i,
                    "O-" + (i % ORGANISATIONS),
                    RequestStatus.SUBMITTED,
                    categories[i % categories.length],
                    "Request " + i,
                    "summary",
                    null,
                    jurisdictions[i % jurisdictions.length],
                    "en",
                    null,
                    List.of(),
                    created,
                    null,
                    1);
            count += commit(store, t -> totals.count(t, new Tally.Received(request)));
            if (i % 20 == 19) {
                count += commit(
                        store,
                        t -> totals.count(t, new Tally.Ended(request.endedAs(RequestStatus.WITHDRAWN, created))));
                continue;
            }
            count += commit(
                    store, t -> totals.count(t, new Tally.Offered(request.offered(), 2, created.plusSeconds(7200))));
            if (i % 3 == 0)
                count += commit(
                        store,
                        t -> totals.count(
                                t,
                                new Tally.Declined(
                                        request, i % 2 == 0 ? "conflict of interest" : "no time this month")));
            if (i % 10 == 1) {
                count += commit(store, t -> totals.count(t, new Tally.Expired(request)));
                count += commit(
                        store, t -> totals.count(t, new Tally.Ended(request.endedAs(RequestStatus.CLOSED, created))));
                continue;
            }
            LegalRequest accepted = request.offered().acceptedBy("L-" + (i % LAWYERS));
            count += commit(store, t -> totals.count(t, new Tally.Accepted(accepted, created.plusSeconds(18_000))));
            if (i % 4 != 3) {
                LegalRequest done = accepted.completed(
                        new LegalRequest.Completion("done", 1 + (i % 12) / 2.0), created.plusSeconds(90_000));
                count += commit(store, t -> totals.count(t, new Tally.Completed(done)));
                if (i % 2 == 0)
                    count += commit(
                            store,
                            t -> totals.count(
                                    t,
                                    new Tally.Rated(done.rated(new LegalRequest.Feedback(1 + i % 5, null, created)))));
            }
        }
        return count;
    }

    private static int commit(Store store, java.util.function.Consumer<Transaction> change) {
        Transaction transaction = new Transaction();
        change.accept(transaction);
        if (!store.commit(transaction).committed()) throw new IllegalStateException("seeding failed");
        return 1;
    }

    /** The units the report's reads would cost on DynamoDB, from the sizes of what they return. */
    private static void readUnits(DynamoDbClient dynamoDb) {
        double units = 0;
        long bytes = 0;
        int queries = 0;
        List<Map<String, AttributeValue>> named = new ArrayList<>();
        for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
            String pk = Keys.impactDayPk(day);
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> after = start;
                var page = dynamoDb.query(q -> q.tableName(LocalResources.TABLE)
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
                        .exclusiveStartKey(after));
                long pageBytes =
                        page.items().stream().mapToLong(ReportBenchmark::size).sum();
                bytes += pageBytes;
                units += 0.5 * Math.max(1, Math.ceil(pageBytes / 4096.0));
                queries++;
                page.items().stream()
                        .filter(item -> item.get("SK").s().startsWith("LAWYER#")
                                || item.get("SK").s().startsWith("ORG#"))
                        .forEach(named::add);
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        long distinctNames =
                named.stream().map(item -> item.get("SK").s()).distinct().count();
        double batchUnits = 0.5 * distinctNames; // each profile item is under 4 KB
        System.out.printf(
                Locale.ROOT,
                "reads: %d Query pages (%.0f KB) ≈ %.0f read units + BatchGetItem of %d profiles"
                        + " ≈ %.0f units; total ≈ %.0f read units (eventually consistent)%n",
                queries,
                bytes / 1024.0,
                units,
                distinctNames,
                batchUnits,
                units + batchUnits);
    }

    /** DynamoDB's item size: attribute names plus values (strings as UTF-8, numbers about 1 byte per 2 digits). */
    static long size(Map<String, AttributeValue> item) {
        long size = 0;
        for (var entry : item.entrySet()) {
            size += entry.getKey().getBytes(StandardCharsets.UTF_8).length;
            AttributeValue value = entry.getValue();
            if (value.s() != null) size += value.s().getBytes(StandardCharsets.UTF_8).length;
            else if (value.n() != null) size += 1 + (value.n().length() + 1) / 2;
            else size += 1;
        }
        return size;
    }
}
