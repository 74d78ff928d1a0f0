package org.probono.clearinghouse.local.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * How a state change's cost grows with the table: the median of a transaction like the functions'
 * (two new items under attribute_not_exists, one condition on a third), with 0, 1,000 and 10,000 items
 * already stored. Flat is the goal: moto's own transactions copied the table (395 ms at 4,000 items).
 */
final class TransactionLatency {
    private static final int SAMPLES = 31;
    private static final String PAD = "x".repeat(300);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private int stored;
    private int written;

    TransactionLatency(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Median milliseconds per transaction once the table holds at least {@code items} filler items. */
    double medianAt(int items) {
        while (stored < items) fill(Math.min(25, items - stored));
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t = System.nanoTime();
            transaction();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return nanos[SAMPLES / 2] / 1e6;
    }

    private void fill(int count) {
        List<WriteRequest> puts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = Map.of(
                    "PK",
                    AttributeValue.fromS("BENCHFILL#" + (stored + i)),
                    "SK",
                    AttributeValue.fromS("FILL"),
                    "pad",
                    AttributeValue.fromS(PAD));
            puts.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table, puts)));
        stored += count;
    }

    private void transaction() {
        int n = written++;
        TransactWriteItem first = put("BENCHTX#" + n, "A");
        TransactWriteItem second = put("BENCHTX#" + n, "B");
        TransactWriteItem check = TransactWriteItem.builder()
                .conditionCheck(c -> c.tableName(table)
                        .key(Map.of("PK", AttributeValue.fromS("BENCHTX#none"), "SK", AttributeValue.fromS("NONE")))
                        .conditionExpression("attribute_not_exists(PK)"))
                .build();
        dynamoDb.transactWriteItems(t -> t.transactItems(first, second, check));
    }

    private TransactWriteItem put(String pk, String sk) {
        return TransactWriteItem.builder()
                .put(p -> p.tableName(table)
                        .conditionExpression("attribute_not_exists(PK)")
                        .item(Map.of(
                                "PK",
                                AttributeValue.fromS(pk),
                                "SK",
                                AttributeValue.fromS(sk),
                                "pad",
                                AttributeValue.fromS(PAD))))
                .build();
    }
}
