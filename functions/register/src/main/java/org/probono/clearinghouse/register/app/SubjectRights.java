package org.probono.clearinghouse.register.app;

import java.util.List;
import java.util.Map;

/**
 * A person's rights over their data (India's DPDP Act 2023): to see everything stored about them, and to
 * have it erased. docs/privacy.md says what each covers.
 */
public interface SubjectRights {
    /** One JSON-ready document with everything stored about the person; empty when nothing is. */
    Export export(String email);

    Erasure erase(String email, String requestedBy, String reason);

    sealed interface Export {
        record Found(Map<String, Object> document) implements Export {}

        record NothingStored() implements Export {}
    }

    sealed interface Erasure {
        /** {@code transactions}: how many were committed by this call (a repeat finishes what an interrupted one left). */
        record Erased(List<Map<String, String>> profiles, int itemsChanged, int transactions) implements Erasure {}

        record NothingStored() implements Erasure {}

        /** The person is bound to a matter that needs them: a lawyer's accepted one, an organisation's accepted or open one. */
        record StillNeeded(List<String> requests) implements Erasure {}

        /** Something changed while erasing (a concurrent write); what was committed stays, a repeat finishes. */
        record Interrupted(int transactions) implements Erasure {}
    }
}
