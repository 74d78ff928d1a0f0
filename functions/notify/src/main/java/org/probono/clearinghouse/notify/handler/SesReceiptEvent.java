package org.probono.clearinghouse.notify.handler;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The event SES's receipt rule Lambda action sends (aws-lambda-java-events has no class for it): only the
 * fields NotifyFunction reads. {@code Records[].ses.mail} describes the message, {@code .receipt} the
 * envelope recipients and SES's verdicts.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SesReceiptEvent(List<Record> Records) {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Record(String eventSource, String eventVersion, Ses ses) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ses(Mail mail, Receipt receipt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Mail(String messageId, String source, List<String> destination) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Receipt(
            List<String> recipients,
            Verdict spfVerdict,
            Verdict dkimVerdict,
            Verdict spamVerdict,
            Verdict virusVerdict,
            Verdict dmarcVerdict) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Verdict(String status) {}
}
