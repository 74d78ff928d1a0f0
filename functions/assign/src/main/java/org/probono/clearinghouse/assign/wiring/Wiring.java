package org.probono.clearinghouse.assign.wiring;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.probono.clearinghouse.assign.app.MatterChanges;
import org.probono.clearinghouse.assign.app.MatterShowing;
import org.probono.clearinghouse.assign.app.MonthlyReport;
import org.probono.clearinghouse.assign.app.OfferExpiry;
import org.probono.clearinghouse.assign.app.Offering;
import org.probono.clearinghouse.assign.app.QueueListing;
import org.probono.clearinghouse.assign.app.Suggesting;
import org.probono.clearinghouse.assign.store.TableOutbox;
import org.probono.clearinghouse.aws.AwsClients;
import org.probono.clearinghouse.aws.Lazy;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.impact.ImpactFigures;
import org.probono.clearinghouse.matters.MatterCompletion;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.matters.Suggestions;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TableFigures;
import org.probono.clearinghouse.store.TableLawyers;
import org.probono.clearinghouse.store.TableMatters;
import org.probono.clearinghouse.store.TableOffers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/** AssignFunction's use cases, wired once per container (tests and the local runner give their own clients and clock). */
public record Wiring(
        QueueListing queue,
        MatterShowing showing,
        Suggesting suggesting,
        Offering offering,
        MatterChanges changes,
        OfferExpiry expiry,
        ImpactFigures impact,
        MonthlyReport monthly) {

    public static Wiring fromEnvironment() {
        Config config = Config.fromEnvironment();
        AwsClients aws = new AwsClients(config.region());
        // queue, show, suggest and the expiry need no KMS: the client is built on the first offer.
        return create(config, aws.dynamoDb(), Lazy.of(aws::kms), Clock.tickMillis(ZoneOffset.UTC));
    }

    /** {@code kms} seals the reply tokens of offers; this function never opens a sealed value. */
    public static Wiring create(Config config, DynamoDbClient dynamoDb, Supplier<KmsClient> kms, Clock clock) {
        Store store = new Store(dynamoDb, config.tableName(), clock);
        TableMatters matters = new TableMatters(store, new RunningTotals(config.timeZone()));
        TableLawyers lawyers = new TableLawyers(store);
        TableOffers offers = new TableOffers(store);
        Ids ids = new Ids(clock);
        ConfidentialBox box = new ConfidentialBox(kms, config.kmsKeyId());
        MatterEmails emails = new MatterEmails(ids, config.adminEmail());
        return new Wiring(
                new QueueListing(matters),
                new MatterShowing(matters, lawyers),
                new Suggesting(matters, new Suggestions(lawyers, clock)),
                new Offering(matters, lawyers, emails, box::sealToken, clock),
                new MatterChanges(
                        matters, lawyers, emails, new MatterCompletion(matters, lawyers, offers, emails, clock), clock),
                new OfferExpiry(
                        matters,
                        lawyers,
                        offers,
                        emails,
                        box::sealToken,
                        Duration.ofDays(config.detailsRetentionDays()),
                        clock),
                new ImpactFigures(new TableFigures(store)),
                new MonthlyReport(new TableOutbox(store), ids, config.adminEmail(), config.timeZone(), clock));
    }
}
