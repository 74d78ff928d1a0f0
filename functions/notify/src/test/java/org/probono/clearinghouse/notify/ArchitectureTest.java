package org.probono.clearinghouse.notify;

import org.probono.clearinghouse.testkit.FunctionLayersTest;

/** The function's layers (docs/architecture.md): use cases behind ports, a handler off the store, no other function. */
class ArchitectureTest extends FunctionLayersTest {
    ArchitectureTest() {
        super("notify");
    }
}
