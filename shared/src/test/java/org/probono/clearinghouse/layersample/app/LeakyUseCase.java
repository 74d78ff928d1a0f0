package org.probono.clearinghouse.layersample.app;

import org.probono.clearinghouse.layersample.store.SampleTable;

/** A use case that reaches past its port into the store: the rule must name it. */
public final class LeakyUseCase {
    private final SampleTable table = new SampleTable();

    public String key(String requestId) { return table.keyOf(requestId); }
}
