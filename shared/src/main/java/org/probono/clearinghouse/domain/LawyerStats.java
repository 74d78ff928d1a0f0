package org.probono.clearinghouse.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the matching ranks a lawyer on besides the profile: how fast they answer offers (a running total
 * of answered offers and seconds taken) and when they were last offered work (the latest
 * {@link #RECENT_OFFERS_KEPT} offer times, to spread the work). Kept beside the lawyer item, changed in
 * the transaction of the offer that changes it. {@code version} 0 means "not stored yet".
 */
public record LawyerStats(
        String lawyerId, int answered, long responseSeconds, List<Instant> recentOffers, long version) {
    public static final int RECENT_OFFERS_KEPT = 10;

    public LawyerStats {
        recentOffers = List.copyOf(recentOffers);
    }

    public static LawyerStats none(String lawyerId) {
        return new LawyerStats(lawyerId, 0, 0, List.of(), 0);
    }

    public LawyerStats afterOffer(Instant at) {
        List<Instant> offers = new ArrayList<>(recentOffers);
        offers.add(at);
        offers.sort(null);
        if (offers.size() > RECENT_OFFERS_KEPT)
            offers = offers.subList(offers.size() - RECENT_OFFERS_KEPT, offers.size());
        return new LawyerStats(lawyerId, answered, responseSeconds, offers, version + 1);
    }

    public LawyerStats afterAnswer(Duration took) {
        return new LawyerStats(
                lawyerId, answered + 1, responseSeconds + Math.max(0, took.toSeconds()), recentOffers, version + 1);
    }

    public Optional<Duration> averageResponse() {
        return answered == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(responseSeconds / answered));
    }

    public int offersSince(Instant since) {
        return (int) recentOffers.stream().filter(at -> !at.isBefore(since)).count();
    }
}
