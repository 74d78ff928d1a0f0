package org.probono.clearinghouse.notify.app;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What SES's receipt rule tells about one received email: its SES message id (the raw MIME is stored
 * under it), the envelope recipients, and SES's verdicts (SPF, DKIM, spam, virus).
 */
public record ReceivedMail(String sesMessageId, List<String> recipients, Map<String, String> verdicts) {
    public static final List<String> VERDICTS = List.of("spf", "dkim", "spam", "virus");

    public ReceivedMail {
        recipients = List.copyOf(recipients);
        verdicts = Map.copyOf(verdicts);
    }

    /**
     * The verdicts that are not PASS (a missing verdict does not pass either), in a stable order. DMARC
     * counts only when it FAILs: SPF and DKIM speak for the envelope and signing domains, DMARC ties them
     * to the From address; GRAY (no DMARC policy published, common for small firms' domains) is accepted.
     */
    public Map<String, String> failedVerdicts() {
        Map<String, String> failed = new TreeMap<>();
        for (String name : VERDICTS) {
            String status = verdicts.getOrDefault(name, "MISSING");
            if (!"PASS".equals(status)) failed.put(name, status);
        }
        if ("FAIL".equals(verdicts.get("dmarc"))) failed.put("dmarc", "FAIL");
        return failed;
    }
}
