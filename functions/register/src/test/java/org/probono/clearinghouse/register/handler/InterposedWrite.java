package org.probono.clearinghouse.register.handler;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * The real client to the test backend, with someone else's write landing once between the function's
 * reads and its transaction: the race a second admin would cause, made deterministic.
 */
final class InterposedWrite implements DynamoDbClient {
    private final DynamoDbClient backend;
    private Runnable beforeNextTransaction = () -> {};
    private Runnable beforeEveryTransaction = () -> {};

    InterposedWrite(DynamoDbClient backend) {
        this.backend = backend;
    }

    void beforeNextTransaction(Runnable write) {
        this.beforeNextTransaction = write;
    }

    /** Runs before every transaction until replaced: may throw, as a function stopped mid-way would. */
    void beforeEveryTransaction(Runnable hook) {
        this.beforeEveryTransaction = hook;
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.ScanResponse scan(
            software.amazon.awssdk.services.dynamodb.model.ScanRequest request) {
        return backend.scan(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return backend.getItem(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return backend.query(request);
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        Runnable write = beforeNextTransaction;
        beforeNextTransaction = () -> {};
        beforeEveryTransaction.run();
        write.run();
        return backend.transactWriteItems(request);
    }

    @Override
    public String serviceName() {
        return backend.serviceName();
    }

    @Override
    public void close() {}
}
