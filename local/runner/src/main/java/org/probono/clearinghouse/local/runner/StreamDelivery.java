package org.probono.clearinghouse.local.runner;

/** Brings the table's stream records to the function the template subscribes, as Lambda's poller does. */
interface StreamDelivery extends AutoCloseable {
    /** Delivers what is waiting now (tests call this to not wait for the background poll). */
    void deliverPending();

    @Override
    void close();
}
