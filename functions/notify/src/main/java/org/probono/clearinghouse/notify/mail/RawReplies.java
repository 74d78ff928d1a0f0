package org.probono.clearinghouse.notify.mail;

import java.util.Optional;

/** The raw MIME of received replies, by SES's message id (as SES's receipt rule stored it). */
public interface RawReplies {
    /** Empty when nothing is stored under that id. */
    Optional<byte[]> raw(String sesMessageId);
}
