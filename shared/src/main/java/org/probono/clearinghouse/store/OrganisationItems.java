package org.probono.clearinghouse.store;

import org.probono.clearinghouse.domain.Contact;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OrganisationType;
import org.probono.clearinghouse.domain.ProfileStatus;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Organisation ⇄ item. While PENDING_REVIEW the item sits in the review index (GSI1). */
public final class OrganisationItems {
    public static final String ENTITY = "ORGANISATION";

    private OrganisationItems() {}

    public static EnhancedDocument toItem(Organisation org) {
        Item.Writer item = Item.write(ENTITY, Keys.organisation(org.id()))
                .string("id", org.id())
                .string("name", org.name())
                .enumValue("organisationType", org.organisationType())
                .string("registrationNumber", org.registrationNumber())
                .string("jurisdiction", org.jurisdiction())
                .string("city", org.city())
                .string("website", org.website())
                .strings("focusAreas", org.focusAreas())
                .string("contactName", org.contact().name())
                .string("contactEmail", org.contact().email())
                .string("contactPhone", org.contact().phone())
                .string(
                        "contactPreferredLanguage",
                        org.contact().preferredLanguage().code())
                .enumValue("status", org.status())
                .time("createdAt", org.createdAt())
                .version(org.version());
        if (org.status() == ProfileStatus.PENDING_REVIEW) {
            item.gsi1(Keys.REVIEW_PENDING, Keys.reviewSk(org.createdAt(), org.id()));
        }
        return item.build();
    }

    public static Organisation from(Item item) {
        return new Organisation(
                item.requiredString("id"),
                item.string("name"),
                item.enumValue("organisationType", OrganisationType.class),
                item.string("registrationNumber"),
                item.string("jurisdiction"),
                item.string("city"),
                item.string("website"),
                item.strings("focusAreas"),
                new Contact(
                        item.string("contactName"),
                        item.string("contactEmail"),
                        item.string("contactPhone"),
                        Language.ofStored(item.string("contactPreferredLanguage"))),
                item.enumValue("status", ProfileStatus.class),
                item.time("createdAt"),
                item.version());
    }
}
