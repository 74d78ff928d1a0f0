package org.probono.clearinghouse.layersample.store;

import org.probono.clearinghouse.store.Keys;

/** A port's implementation in the sample layers that LayersTest checks the rules against. */
public final class SampleTable {
    public String keyOf(String requestId) {
        return Keys.requestPk(requestId);
    }
}
