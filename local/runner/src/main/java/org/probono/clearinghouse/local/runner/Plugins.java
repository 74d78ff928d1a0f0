package org.probono.clearinghouse.local.runner;

import java.util.List;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.Template;

/**
 * Where the runner gets the stream delivery and the sent-mail reader. Both live in local/backend
 * (StreamPump and SentMail, shared with the functions' tests) and are plugged in here.
 */
final class Plugins {
    private Plugins() {}

    static StreamDelivery streamDelivery(LocalAws aws, Template template, Functions functions) {
        // TODO(runner): local/backend StreamPump, once merged.
        return new StreamDelivery() {
            @Override
            public void deliverPending() {}

            @Override
            public void close() {}
        };
    }

    static SentMailbox mailbox(LocalAws aws) {
        // TODO(runner): local/backend SentMail, once merged.
        return List::of;
    }
}
