package org.probono.clearinghouse.json;

/**
 * The business metrics, named as CloudWatch shows them. {@link Log#metric} writes each as an embedded
 * metric format line, so CloudWatch makes the metric from the log with no API call on the request path.
 */
public enum Metric {
    REQUESTS_RECEIVED("RequestsReceived"),
    OFFERS_MADE("OffersMade"),
    OFFERS_ACCEPTED("OffersAccepted"),
    OFFERS_DECLINED("OffersDeclined"),
    OFFERS_EXPIRED("OffersExpired"),
    EMAILS_SENT("EmailsSent"),
    EMAILS_FAILED("EmailsFailed"),
    REPLIES_UNCLEAR("RepliesUnclear"),
    /** One per completed scheduled expiry run: the "schedule not running" alarm watches it. */
    EXPIRY_RUNS("ExpiryRuns"),
    /** One per function container (and per SnapStart restore), with the function's name as a dimension. */
    COLD_START("ColdStart");

    private final String cloudWatchName;

    Metric(String cloudWatchName) {
        this.cloudWatchName = cloudWatchName;
    }

    public String cloudWatchName() {
        return cloudWatchName;
    }
}
