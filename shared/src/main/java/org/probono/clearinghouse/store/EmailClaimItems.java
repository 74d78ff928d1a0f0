package org.probono.clearinghouse.store;

import org.probono.clearinghouse.domain.ProfileKind;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * The item that makes an email address unique across organisations and lawyers: created with
 * {@code attribute_not_exists} in the registration's transaction, deleted when a registration is rejected.
 */
public final class EmailClaimItems {
    public static final String ENTITY = "EMAIL";

    private EmailClaimItems() {}

    public static EnhancedDocument toItem(String normalisedEmail, ProfileKind kind, String ownerId) {
        return Item.write(ENTITY, Keys.email(normalisedEmail))
                .enumValue("kind", kind)
                .string("ownerId", ownerId)
                .build();
    }
}
