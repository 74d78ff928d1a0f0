package org.probono.clearinghouse.matters;

/**
 * Answering an offer by replying to its email: the rule both AssignFunction and NotifyFunction use
 * (no function module imports another, so it lives here). Implemented by {@code OfferDecisions}.
 */
public interface OfferReplies {
    /**
     * @param replyToken  the token of the reply address {@code reply+<token>@<inbound domain>}
     * @param senderEmail the reply's {@code From} address, normalised (trimmed, lower-case)
     */
    AnswerOutcome answerByReply(String replyToken, String senderEmail, Answer answer);
}
