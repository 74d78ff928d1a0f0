package org.probono.clearinghouse.submit.wiring;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.probono.clearinghouse.aws.AwsClients;
import org.probono.clearinghouse.aws.Lazy;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TableLawyers;
import org.probono.clearinghouse.store.TableMatters;
import org.probono.clearinghouse.submit.app.FeedbackGiving;
import org.probono.clearinghouse.submit.app.Mailboxes;
import org.probono.clearinghouse.submit.app.OrganisationAccess;
import org.probono.clearinghouse.submit.app.PageCursors;
import org.probono.clearinghouse.submit.app.RequestListing;
import org.probono.clearinghouse.submit.app.RequestViews;
import org.probono.clearinghouse.submit.app.Submission;
import org.probono.clearinghouse.submit.app.Withdrawal;
import org.probono.clearinghouse.submit.store.TableProfiles;
import org.probono.clearinghouse.submit.store.TableRememberedSubmits;
import org.probono.clearinghouse.submit.store.TableRequests;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/** SubmitRequestFunction's composition root: the use cases its handler calls, wired by hand once per container. */
public record Wiring(
        OrganisationAccess access,
        Submission submission,
        RequestViews views,
        Withdrawal withdrawal,
        RequestListing listing,
        FeedbackGiving feedback) {

    /** Lambda's wiring: KMS is built on first use (listing and withdrawing never need it). */
    public static Wiring fromEnvironment() {
        Config config = Config.fromEnvironment();
        AwsClients aws = new AwsClients(config.region());
        return create(config, aws.dynamoDb(), aws::kms, Clock.tickMillis(ZoneOffset.UTC));
    }

    /** {@code kms} is asked once, on first use: it seals and opens the requests' confidential details. */
    public static Wiring create(Config config, DynamoDbClient dynamoDb, Supplier<KmsClient> kms, Clock clock) {
        Store store = new Store(dynamoDb, config.tableName(), clock);
        RunningTotals totals = new RunningTotals(config.timeZone());
        TableRequests requests = new TableRequests(store, totals);
        TableProfiles profiles = new TableProfiles(store);
        ConfidentialBox box = new ConfidentialBox(Lazy.of(kms), config.kmsKeyId());
        Mailboxes mailboxes = new Mailboxes(config.adminEmail(), config.webUrl());
        Ids ids = new Ids(clock);
        return new Wiring(
                new OrganisationAccess(profiles, clock),
                new Submission(requests, new TableRememberedSubmits(store), box, ids, clock, mailboxes),
                new RequestViews(requests, profiles, box),
                new Withdrawal(new TableMatters(store, totals), new TableLawyers(store), ids, clock, mailboxes),
                new RequestListing(requests, new PageCursors(config.cursorKey())),
                new FeedbackGiving(requests, clock));
    }
}
