package org.probono.clearinghouse.notify.handler;

import java.time.Clock;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.crypto.TokenSealer;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.matters.MatterCompletion;
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
import org.probono.clearinghouse.store.Store;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Builds NotifyFunction's use cases from its clients: once per container, and in tests. */
record NotifyWiring(OutboxDelivery outbox, ReplyProcessing replies, MailFeedback feedback, OutboxAdmin admin) {
    /** Compiled once per container (class initialisation, so SnapStart's snapshot holds them). */
    private static final EmailTemplates TEMPLATES = new EmailTemplates();

    /** What the wiring needs; {@code offerReplies} builds the accept/decline rule from the store. */
    interface OfferRepliesFactory {
        OfferReplies create(Store store, Ids ids, Config config, TokenSealer sealer);
    }

    static NotifyWiring build(Config config, Clock clock, DynamoDbClient dynamoDb, SesV2Client ses, S3Client s3,
                              KmsClient kms, OfferRepliesFactory offerReplies) {
        Store store = new Store(dynamoDb, config.tableName(), clock);
        Ids ids = new Ids(clock);
        OutboxStore outboxStore = new OutboxStore(store);
        SuppressionList suppressions = new SuppressionList(store);
        ConfidentialBox box = new ConfidentialBox(kms, config.kmsKeyId());
        OutboxDelivery outbox = new OutboxDelivery(outboxStore, suppressions, TEMPLATES, new Wording(config.timeZone()),
                new SesMailer(ses, config.sesConfigurationSet()), box::open, box::openToken,
                new OutboxDelivery.Settings(config.senderAddress(), config.adminEmail(), config.inboundDomain(), config.webUrl()),
                new ImpactReportMail(new ImpactFigures(store), config.timeZone()), ids, clock);
        ReplyProcessing replies = new ReplyProcessing(new InboundBucket(s3, config.inboundBucket()), new InboundLog(store),
                offerReplies.create(store, ids, config, box::sealToken), new MatterCompletion(store, ids, config),
                new OfferReplyTokens(store), outboxStore, config.inboundDomain(), box::sealToken, ids, clock);
        return new NotifyWiring(outbox, replies, new MailFeedback(suppressions, clock),
                new OutboxAdmin(outboxStore, box, ids, clock));
    }
}
