package org.probono.clearinghouse.matters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.probono.clearinghouse.domain.Codes;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LawyerStats;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.ProfileStatus;

/**
 * The matching rule, pure: who may be offered a request at all (hard exclusions), and how the rest rank
 * (soft points out of 100: jurisdiction 25, language 20, spare capacity 20, fast answers 20, few recent
 * offers 15).
 */
public final class Ranking {
    static final Duration RECENT = Duration.ofDays(30);
    private static final double SLOW_ANSWER_HOURS = 48;

    private Ranking() {}

    /** Why the lawyer cannot be offered this request, or empty when they can. */
    public static Optional<String> exclusion(LegalRequest request, List<Offer> offers, Lawyer lawyer) {
        if (!lawyer.practiceAreas().contains(request.category())) {
            return Optional.of("does not practise " + request.category());
        }
        if (lawyer.status() != ProfileStatus.APPROVED) return Optional.of("is not an approved lawyer");
        if (lawyer.paused()) return Optional.of("has paused new matters");
        // An offer the team withdrew does not stand in the way of offering again; any other earlier offer does.
        Optional<Offer> earlier = offers.stream()
                .filter(offer -> offer.lawyerId().equals(lawyer.id()) && offer.status() != OfferStatus.WITHDRAWN)
                .findFirst();
        if (earlier.isPresent()) {
            return Optional.of(
                    earlier.get().status().excludesReoffer()
                            ? "earlier " + (earlier.get().status().name().toLowerCase(Locale.ROOT))
                                    + " an offer of this request"
                            : "was already offered this request ("
                                    + earlier.get().status() + ")");
        }
        Optional<String> conflict = conflict(request, lawyer);
        if (conflict.isPresent()) return conflict;
        if (!lawyer.hasCapacity()) {
            return Optional.of(
                    "has no spare capacity (" + lawyer.activeMatters() + " of " + lawyer.maxActiveMatters() + ")");
        }
        return Optional.empty();
    }

    /** A detected conflict: the lawyer's firm or name is among the request's counterparties. */
    static Optional<String> conflict(LegalRequest request, Lawyer lawyer) {
        for (String counterparty : request.counterparties()) {
            String party = normalise(counterparty);
            if (party.isEmpty()) continue;
            if (lawyer.firm() != null && party.equals(normalise(lawyer.firm()))) {
                return Optional.of("conflict: their firm is a counterparty");
            }
            if (party.equals(normalise(lawyer.name()))) return Optional.of("conflict: they are a counterparty");
        }
        return Optional.empty();
    }

    private static String normalise(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The best {@code limit} candidates, best first; excluded lawyers are left out. */
    public static List<Candidate> rank(
            LegalRequest request, List<Offer> offers, List<LawyerProfile> profiles, Instant now, int limit) {
        record Scored(Candidate candidate, int load) {}
        List<Scored> scored = new ArrayList<>();
        for (LawyerProfile profile : profiles) {
            if (exclusion(request, offers, profile.lawyer()).isEmpty()) {
                scored.add(new Scored(
                        score(request, profile, now), profile.lawyer().activeMatters()));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingInt((Scored s) -> -s.candidate().score())
                        .thenComparingInt(Scored::load)
                        .thenComparing(s -> s.candidate().lawyerId()))
                .limit(limit)
                .map(Scored::candidate)
                .toList();
    }

    static Candidate score(LegalRequest request, LawyerProfile profile, Instant now) {
        Lawyer lawyer = profile.lawyer();
        LawyerStats stats = profile.stats();
        List<String> reasons = new ArrayList<>();
        int score = 0;

        if (request.jurisdiction().length() == 2) {
            score += 25;
            reasons.add("national request: any jurisdiction fits");
        } else if (lawyer.jurisdictions().stream().anyMatch(j -> Codes.jurisdictionCovers(j, request.jurisdiction()))) {
            score += 25;
            reasons.add("practises in " + request.jurisdiction());
        } else {
            reasons.add("does not list " + request.jurisdiction());
        }

        if (lawyer.languages().contains(request.language())) {
            score += 20;
            reasons.add("works in " + request.language());
        } else {
            reasons.add("does not list language " + request.language());
        }

        int spare = lawyer.maxActiveMatters() - lawyer.activeMatters();
        score += (int) Math.round(20.0 * spare / lawyer.maxActiveMatters());
        reasons.add(lawyer.activeMatters() + " of " + lawyer.maxActiveMatters() + " matters in hand");

        Optional<Duration> average = stats.averageResponse();
        if (average.isPresent()) {
            double hours = average.get().toSeconds() / 3600.0;
            score += (int) Math.round(20 * Math.max(0, 1 - hours / SLOW_ANSWER_HOURS));
            reasons.add("answers offers in about " + Math.max(1, Math.round(hours)) + " h on average");
        } else {
            score += 10;
            reasons.add("no answered offers yet");
        }

        int recent = stats.offersSince(now.minus(RECENT));
        score += Math.max(0, 15 - 5 * recent);
        reasons.add(
                recent == 0
                        ? "no offers in the last 30 days"
                        : recent + " offer" + (recent == 1 ? "" : "s") + " in the last 30 days");

        return new Candidate(lawyer.id(), lawyer.name(), score, reasons);
    }
}
