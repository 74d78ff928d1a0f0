package org.probono.clearinghouse.impact;

import java.util.List;
import org.probono.clearinghouse.json.WrittenWhenNull;

/**
 * The impact report of the requests created in a period, as the contract fixes it. Medians and the
 * average rating are null when there is nothing to measure (and say so in the JSON).
 */
public record ImpactReport(
        String from,
        String to,
        Requests requests,
        double hoursDonated,
        @WrittenWhenNull Double medianHoursToFirstOffer,
        @WrittenWhenNull Double medianHoursToAcceptance,
        Offers offers,
        List<DeclineReason> declineReasons,
        List<CategoryFigures> byCategory,
        List<JurisdictionFigures> byJurisdiction,
        List<LawyerFigures> lawyers,
        List<OrganisationFigures> organisations,
        Feedback feedback) {

    public record Requests(long received, long placed, long completed, long closed, long withdrawn) {}

    public record Offers(long made, long accepted, long declined, long expired) {}

    public record DeclineReason(String reason, long count) {}

    public record CategoryFigures(String category, long received, long completed, double hours) {}

    public record JurisdictionFigures(String jurisdiction, long received, long completed, double hours) {}

    public record LawyerFigures(String id, String name, long matters, double hours) {}

    public record OrganisationFigures(String id, String name, long requests, long completed) {}

    public record Feedback(long count, @WrittenWhenNull Double averageRating) {}
}
