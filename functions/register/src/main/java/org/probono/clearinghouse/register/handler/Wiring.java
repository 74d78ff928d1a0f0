package org.probono.clearinghouse.register.handler;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.probono.clearinghouse.aws.AwsClients;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.register.app.PrivacyNotice;
import org.probono.clearinghouse.register.app.Registrations;
import org.probono.clearinghouse.register.app.SubjectRights;
import org.probono.clearinghouse.register.store.TableSubjects;
import software.amazon.awssdk.services.kms.KmsClient;
import org.probono.clearinghouse.register.app.Reviews;
import org.probono.clearinghouse.register.app.Verifications;
import org.probono.clearinghouse.register.store.TableRegistry;
import org.probono.clearinghouse.store.Store;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The function's use cases, wired by hand once per container (tests wire them with their own clock). */
record Wiring(Registrations registrations, Verifications verifications, Reviews reviews, SubjectRights subjects,
              Optional<String> publicApiUrl) {

    static Wiring fromEnvironment() {
        Config config = Config.fromEnvironment();
        AwsClients aws = new AwsClients(config.region());
        return create(config, aws.dynamoDb(), aws.kms(), Clock.tickMillis(ZoneOffset.UTC));
    }

    /** {@code kms} only seals the tokens of emails: this function never opens a sealed value. */
    static Wiring create(Config config, DynamoDbClient dynamoDb, KmsClient kms, Clock clock) {
        Store store = new Store(dynamoDb, config.tableName(), clock);
        TableRegistry registry = new TableRegistry(store);
        Ids ids = new Ids(clock);
        Secrets secrets = new Secrets();
        ConfidentialBox box = new ConfidentialBox(kms, config.kmsKeyId());
        PrivacyNotice notice = PrivacyNotice.current(config.webUrl());
        return new Wiring(
                new Registrations(registry, ids, secrets, clock, box::sealToken, notice),
                new Verifications(registry, clock, notice),
                new Reviews(registry, ids, secrets, clock, config.webUrl(), box::sealToken),
                new TableSubjects(store, clock),
                config.publicApiUrl());
    }
}
