package org.probono.clearinghouse.notify.handler;

import java.time.Clock;
import java.util.function.Supplier;
import org.probono.clearinghouse.aws.Lazy;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.crypto.TokenSealer;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.matters.MatterCompletion;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.matters.OfferDecisions;
import org.probono.clearinghouse.matters.OfferReplies;
import org.probono.clearinghouse.notify.app.MailFeedback;
import org.probono.clearinghouse.notify.app.OutboxAdmin;
import org.probono.clearinghouse.impact.ImpactFigures;
import org.probono.clearinghouse.notify.app.ImpactReportMail;
import org.probono.clearinghouse.notify.app.OutboxDelivery;
import org.probono.clearinghouse.notify.app.ReplyProcessing;
import org.probono.clearinghouse.notify.mail.EmailTemplates;
import org.probono.clearinghouse.notify.mail.InboundBucket;
import org.probono.clearinghouse.notify.mail.SesMailer;
import org.probono.clearinghouse.notify.mail.Wording;
import org.probono.clearinghouse.notify.store.InboundLog;
import org.probono.clearinghouse.notify.store.OfferReplyTokens;
import org.probono.clearinghouse.notify.store.OutboxStore;
import org.probono.clearinghouse.notify.store.SuppressionList;
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
 * Builds NotifyFunction's use cases from its clients: once per container, and in tests. Each path builds
 * only what it needs, on its first use: an outbox delivery the SES client and the templates (KMS only
 * for a matter's confidential details), a reply the S3 client; SES feedback and the team's commands
 * need DynamoDB alone.
 */
record NotifyWiring(Lazy<OutboxDelivery> outbox, Lazy<ReplyProcessing> replies, MailFeedback feedback, OutboxAdmin admin) {
    /** Compiled once per container, on the first outbox delivery (or SnapStart priming, see NotifyHandler). */
    static final Lazy<EmailTemplates> TEMPLATES = Lazy.of(EmailTemplates::new);

    /** What the wiring needs; {@code offerReplies} builds the accept/decline rule from the store. */
    interface OfferRepliesFactory {
        OfferReplies create(Store store, Ids ids, Config config, TokenSealer sealer);
    }

    /** The shared accept/decline rule on the table: what production answers offer replies with. */
    static final OfferRepliesFactory OFFER_DECISIONS = (store, ids, config, sealer) -> new OfferDecisions(
            new TableMatters(store, new RunningTotals(config.timeZone())), new TableLawyers(store), new TableOffers(store),
            new MatterEmails(ids, config.adminEmail()), sealer, store.clock());

    /** With clients built already (tests). */
    static NotifyWiring build(Config config, Clock clock, DynamoDbClient dynamoDb, SesV2Client ses, S3Client s3,
                              KmsClient kms, OfferRepliesFactory offerReplies) {
        return build(config, clock, dynamoDb, () -> ses, () -> s3, () -> kms, offerReplies);
    }

    /** With the clients a path may not need built on its first use (Lambda). */
    static NotifyWiring build(Config config, Clock clock, DynamoDbClient dynamoDb, Supplier<SesV2Client> ses,
                              Supplier<S3Client> s3, Supplier<KmsClient> kms, OfferRepliesFactory offerReplies) {
        Store store = new Store(dynamoDb, config.tableName(), clock);
        Ids ids = new Ids(clock);
        OutboxStore outboxStore = new OutboxStore(store);
        SuppressionList suppressions = new SuppressionList(store);
        ConfidentialBox box = new ConfidentialBox(Lazy.of(kms), config.kmsKeyId());
        Lazy<OutboxDelivery> outbox = Lazy.of(() -> new OutboxDelivery(outboxStore, suppressions, TEMPLATES.get(),
                new Wording(config.timeZone()), new SesMailer(ses.get(), config.sesConfigurationSet()), box::open,
                box::openToken,
                new OutboxDelivery.Settings(config.senderAddress(), config.adminEmail(), config.inboundDomain(), config.webUrl()),
                new ImpactReportMail(new ImpactFigures(new TableFigures(store)), config.timeZone()), ids, clock));
        Lazy<ReplyProcessing> replies = Lazy.of(() -> new ReplyProcessing(new InboundBucket(s3.get(), config.inboundBucket()),
                new InboundLog(store), offerReplies.create(store, ids, config, box::sealToken),
                new MatterCompletion(new TableMatters(store, new RunningTotals(config.timeZone())), new TableLawyers(store),
                        new TableOffers(store), new MatterEmails(ids, config.adminEmail()), clock),
                new OfferReplyTokens(store), outboxStore, config.inboundDomain(),
                box::sealToken, ids, clock));
        return new NotifyWiring(outbox, replies, new MailFeedback(suppressions, clock),
                new OutboxAdmin(outboxStore, box, ids, clock));
    }
}
