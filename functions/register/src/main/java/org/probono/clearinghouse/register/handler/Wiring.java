package org.probono.clearinghouse.register.handler;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.probono.clearinghouse.aws.AwsClients;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.register.app.Registrations;
import org.probono.clearinghouse.register.app.Reviews;
import org.probono.clearinghouse.register.app.Verifications;
import org.probono.clearinghouse.register.store.TableRegistry;
import org.probono.clearinghouse.store.Store;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The function's use cases, wired by hand once per container (tests wire them with their own clock). */
record Wiring(Registrations registrations, Verifications verifications, Reviews reviews, Optional<String> publicApiUrl) {

    static Wiring fromEnvironment() {
        Config config = Config.fromEnvironment();
        return create(config, new AwsClients(config.region()).dynamoDb(), Clock.tickMillis(ZoneOffset.UTC));
    }

    static Wiring create(Config config, DynamoDbClient dynamoDb, Clock clock) {
        TableRegistry registry = new TableRegistry(new Store(dynamoDb, config.tableName(), clock));
        Ids ids = new Ids(clock);
        Secrets secrets = new Secrets();
        return new Wiring(
                new Registrations(registry, ids, secrets, clock),
                new Verifications(registry, clock),
                new Reviews(registry, ids, secrets, clock, config.webUrl()),
                config.publicApiUrl());
    }
}
