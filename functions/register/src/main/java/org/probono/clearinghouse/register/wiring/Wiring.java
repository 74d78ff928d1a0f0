package org.probono.clearinghouse.register.wiring;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.probono.clearinghouse.aws.AwsClients;
import org.probono.clearinghouse.aws.Lazy;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.register.app.PrivacyNotice;
import org.probono.clearinghouse.register.app.Registrations;
import org.probono.clearinghouse.register.app.Reviews;
import org.probono.clearinghouse.register.app.SubjectRights;
import org.probono.clearinghouse.register.app.Verifications;
import org.probono.clearinghouse.register.store.TableRegistry;
import org.probono.clearinghouse.register.store.TableSubjects;
import org.probono.clearinghouse.store.Store;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/** RegisterFunction's composition root: the use cases its handler calls, wired by hand once per container. */
public record Wiring(
        Registrations registrations,
        Verifications verifications,
        Reviews reviews,
        SubjectRights subjects,
        Optional<String> publicApiUrl) {

    /** Lambda's wiring: KMS is built on first use (verifying a link and the review list never need it). */
    public static Wiring fromEnvironment() {
        Config config = Config.fromEnvironment();
        AwsClients aws = new AwsClients(config.region());
        return create(config, aws.dynamoDb(), aws::kms, Clock.tickMillis(ZoneOffset.UTC));
    }

    /** {@code kms} is asked once, on first use; it only seals the tokens of emails (this function never opens one). */
    public static Wiring create(Config config, DynamoDbClient dynamoDb, Supplier<KmsClient> kms, Clock clock) {
        Store store = new Store(dynamoDb, config.tableName(), clock);
        TableRegistry registry = new TableRegistry(store);
        Ids ids = new Ids(clock);
        Secrets secrets = new Secrets();
        ConfidentialBox box = new ConfidentialBox(Lazy.of(kms), config.kmsKeyId());
        PrivacyNotice notice = PrivacyNotice.current(config.webUrl());
        return new Wiring(
                new Registrations(registry, ids, secrets, clock, box::sealToken, notice),
                new Verifications(registry, clock, notice),
                new Reviews(registry, ids, secrets, clock, config.webUrl(), box::sealToken),
                new TableSubjects(store, clock),
                config.publicApiUrl());
    }
}
