package org.probono.clearinghouse.register.store;

import java.util.Optional;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.register.app.Consent;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * Consent ⇄ item, beside the profile in its partition ({@code ORG#id} or {@code LAWYER#id}, SK
 * {@code CONSENT#<notice version>}): one per version consented to, so a later notice adds, never overwrites.
 */
final class ConsentItems {
    static final String ENTITY = "CONSENT";

    private ConsentItems() {}

    static EnhancedDocument toItem(String subjectPk, Consent consent) {
        return Item.write(ENTITY, Keys.consent(subjectPk, consent.noticeVersion()))
                .string("noticeVersion", consent.noticeVersion())
                .string("language", consent.language().code())
                .time("givenAt", consent.givenAt())
                .build();
    }

    static Optional<Consent> from(Item item) {
        if (!ENTITY.equals(item.entity())) return Optional.empty();
        return Optional.of(new Consent(
                item.string("noticeVersion"), Language.ofStored(item.string("language")), item.time("givenAt")));
    }
}
