package org.probono.clearinghouse.layersample.handler;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A handler that talks to DynamoDB itself: the rule must name it. */
public final class LeakyHandler {
    public String region(DynamoDbClient dynamoDb) {
        return dynamoDb.serviceName();
    }
}
