package org.probono.clearinghouse.layersample.app;

import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.layersample.store.SampleTable;

/** A use case that reaches past its ports into the store and KMS: the rule must name both. */
public final class LeakyUseCase {
    private final SampleTable table = new SampleTable();
    private final ConfidentialBox box = new ConfidentialBox(() -> null, "no-key");

    public String open(String sealed, String requestId) {
        return box.open(sealed, requestId);
    }

    public String key(String requestId) {
        return table.keyOf(requestId);
    }
}
