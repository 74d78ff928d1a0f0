package org.probono.clearinghouse.notify.wiring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.probono.clearinghouse.aws.AwsClients;
import org.probono.clearinghouse.aws.Lazy;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.impact.ImpactFigures;
import org.probono.clearinghouse.matters.MatterCompletion;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.matters.OfferDecisions;
import org.probono.clearinghouse.matters.OfferReplies;
import org.probono.clearinghouse.notify.app.ImpactReportMail;
import org.probono.clearinghouse.notify.app.MailFeedback;
import org.probono.clearinghouse.notify.app.OutboxAdmin;
import org.probono.clearinghouse.notify.app.OutboxDelivery;
import org.probono.clearinghouse.notify.app.ReplyProcessing;
import org.probono.clearinghouse.notify.mail.EmailTemplates;
import org.probono.clearinghouse.notify.mail.InboundBucket;
import org.probono.clearinghouse.notify.mail.SesMailer;
import org.probono.clearinghouse.notify.mail.Wording;
import org.probono.clearinghouse.notify.store.TableInboundLog;
import org.probono.clearinghouse.notify.store.TableOutbox;
import org.probono.clearinghouse.notify.store.TableReplyTokens;
import org.probono.clearinghouse.notify.store.TableSuppressions;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TableFigures;
import org.probono.clearinghouse.store.TableLawyers;
import org.probono.clearinghouse.store.TableMatters;
import org.probono.clearinghouse.store.TableOffers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * NotifyFunction's use cases, wired by hand once per container (and in tests). Each path builds only what
 * it needs, on its first use: an outbox delivery the SES client and the templates (KMS only for a sealed
 * token or a matter's confidential details), a reply the S3 client; SES feedback and the team's commands
 * need DynamoDB alone.
 */
public record Wiring(
        Lazy<OutboxDelivery> outbox, Lazy<ReplyProcessing> replies, MailFeedback feedback, OutboxAdmin admin) {
    /** Compiled once per container, on the first outbox delivery (or SnapStart priming, see NotifyHandler). */
    static final Lazy<EmailTemplates> TEMPLATES = Lazy.of(EmailTemplates::new);

    /** Lambda: the environment's configuration; SES, S3 and KMS clients built on the first path that needs each. */
    public static Wiring fromEnvironment() {
        Config config = Config.fromEnvironment();
        AwsClients clients = new AwsClients(config.region());
        return create(
                config,
                clients.dynamoDb(),
                () -> SesV2Client.builder()
                        .region(clients.region())
                        .httpClient(clients.http())
                        .build(),
                () -> S3Client.builder()
                        .region(clients.region())
                        .httpClient(clients.http())
                        .build(),
                clients::kms,
                Clock.tickMillis(ZoneOffset.UTC));
    }

    /** Tests and the local runner: each supplier is asked once, when its path first runs. */
    public static Wiring create(
            Config config,
            DynamoDbClient dynamoDb,
            Supplier<SesV2Client> ses,
            Supplier<S3Client> s3,
            Supplier<KmsClient> kms,
            Clock clock) {
        return create(config, dynamoDb, ses, s3, kms, clock, Optional.empty());
    }

    /** As {@link #create(Config, DynamoDbClient, Supplier, Supplier, Supplier, Clock)}, replies decided by {@code offerReplies}. */
    public static Wiring create(
            Config config,
            DynamoDbClient dynamoDb,
            Supplier<SesV2Client> ses,
            Supplier<S3Client> s3,
            Supplier<KmsClient> kms,
            Clock clock,
            OfferReplies offerReplies) {
        return create(config, dynamoDb, ses, s3, kms, clock, Optional.of(offerReplies));
    }

    private static Wiring create(
            Config config,
            DynamoDbClient dynamoDb,
            Supplier<SesV2Client> ses,
            Supplier<S3Client> s3,
            Supplier<KmsClient> kms,
            Clock clock,
            Optional<OfferReplies> offerReplies) {
        Store store = new Store(dynamoDb, config.tableName(), clock);
        Ids ids = new Ids(clock);
        TableOutbox outbox = new TableOutbox(store);
        TableSuppressions suppressions = new TableSuppressions(store);
        ConfidentialBox box = new ConfidentialBox(Lazy.of(kms), config.kmsKeyId());
        ImpactFigures figures = new ImpactFigures(new TableFigures(store));
        TableMatters matters = new TableMatters(store, new RunningTotals(config.timeZone()));
        TableLawyers lawyers = new TableLawyers(store);
        TableOffers offers = new TableOffers(store);
        MatterEmails emails = new MatterEmails(ids, config.adminEmail());
        Lazy<OutboxDelivery> delivery = Lazy.of(() -> new OutboxDelivery(
                outbox,
                outbox,
                suppressions,
                TEMPLATES.get(),
                new Wording(config.timeZone()),
                new SesMailer(ses.get(), config.sesConfigurationSet()),
                box::open,
                box::openToken,
                new OutboxDelivery.Settings(
                        config.senderAddress(), config.adminEmail(), config.inboundDomain(), config.webUrl()),
                new ImpactReportMail(figures::read, config.timeZone()),
                ids,
                clock,
                at -> sleepUntil(clock, at)));
        Lazy<ReplyProcessing> replies = Lazy.of(() -> new ReplyProcessing(
                new InboundBucket(s3.get(), config.inboundBucket()),
                new TableInboundLog(store),
                offerReplies.orElseGet(
                        () -> new OfferDecisions(matters, lawyers, offers, emails, box::sealToken, clock)),
                new MatterCompletion(matters, lawyers, offers, emails, clock),
                new TableReplyTokens(store),
                outbox,
                config.inboundDomain(),
                box::sealToken,
                ids,
                clock));
        return new Wiring(
                delivery,
                replies,
                new MailFeedback(suppressions, clock),
                new OutboxAdmin(outbox, box::openToken, box::sealToken, ids, clock));
    }

    /** Lambda's pause: the thread sleeps until {@code at} on the clock the claims are written with. */
    private static void sleepUntil(Clock clock, Instant at) {
        long millis = at.toEpochMilli() - clock.millis();
        if (millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
