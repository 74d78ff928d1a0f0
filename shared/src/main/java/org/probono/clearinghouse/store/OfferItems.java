package org.probono.clearinghouse.store;

import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * Offer ⇄ item, under its request's partition. A pending offer sits in two indexes: the expiry index
 * (GSI1 {@code OFFERS#PENDING}, by respond-by time) and the open queue's partition (GSI2 {@code QUEUE#OPEN},
 * after every request), so the team's queue reads requests and their pending offers in one Query.
 */
public final class OfferItems {
    public static final String ENTITY = "OFFER";

    private OfferItems() {}

    public static EnhancedDocument toItem(Offer offer) {
        Item.Writer item = Item.write(ENTITY, Keys.offer(offer.requestId(), offer.lawyerId()))
                .string("requestId", offer.requestId())
                .string("lawyerId", offer.lawyerId())
                .enumValue("status", offer.status())
                .time("offeredAt", offer.offeredAt())
                .time("respondBy", offer.respondBy())
                .string("replyTokenHash", offer.replyTokenHash())
                .time("answeredAt", offer.answeredAt())
                .string("note", offer.note())
                .bool("reminded", offer.reminded())
                .version(offer.version());
        if (offer.isPending()) {
            item.gsi1(Keys.OFFERS_PENDING, Keys.pendingOfferSk(offer.respondBy(), offer.requestId(), offer.lawyerId()));
            item.gsi2(Keys.QUEUE_OPEN, Keys.queueOfferSk(offer.requestId(), offer.lawyerId()));
        }
        return item.build();
    }

    public static Offer from(Item item) {
        return new Offer(
                item.requiredString("requestId"),
                item.requiredString("lawyerId"),
                item.enumValue("status", OfferStatus.class),
                item.time("offeredAt"),
                item.time("respondBy"),
                item.string("replyTokenHash"),
                item.time("answeredAt"),
                item.string("note"),
                item.bool("reminded"),
                item.version());
    }
}
