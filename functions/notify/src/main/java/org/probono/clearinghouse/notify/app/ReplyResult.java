package org.probono.clearinghouse.notify.app;

/** What a received reply did; every value but ACCEPTED and DECLINED changed nothing about the offer. */
public enum ReplyResult {
    ACCEPTED,
    /** A "DONE" reply to the matter-details email completed the matter. */
    COMPLETED,
    DECLINED,
    ALREADY_TAKEN,
    NO_LONGER_OPEN,
    UNKNOWN_TOKEN,
    WRONG_SENDER,
    VERDICT_FAILED,
    AUTO_REPLY,
    DUPLICATE,
    NOT_UNDERSTOOD,
    RAW_MAIL_MISSING
}
