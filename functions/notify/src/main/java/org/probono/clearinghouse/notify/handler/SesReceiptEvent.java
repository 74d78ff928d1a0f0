package org.probono.clearinghouse.notify.handler;

import java.util.List;

/**
 * The event SES's receipt rule Lambda action sends (aws-lambda-java-events has no class for it): only the
 * fields NotifyFunction reads. {@code Records[].ses.mail} describes the message, {@code .receipt} the
 * envelope recipients and SES's verdicts.
 */
record SesReceiptEvent(List<Record> Records) {
    record Record(String eventSource, String eventVersion, Ses ses) {}

    record Ses(Mail mail, Receipt receipt) {}

    record Mail(String messageId, String source, List<String> destination) {}

    record Receipt(
            List<String> recipients,
            Verdict spfVerdict,
            Verdict dkimVerdict,
            Verdict spamVerdict,
            Verdict virusVerdict,
            Verdict dmarcVerdict) {}

    record Verdict(String status) {}
}
