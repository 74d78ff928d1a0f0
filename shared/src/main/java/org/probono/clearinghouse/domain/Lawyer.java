package org.probono.clearinghouse.domain;

import java.time.Instant;
import java.util.List;

/**
 * A volunteer lawyer. {@code activeMatters} counts offers pending and matters accepted; it changes in the
 * same transaction as the offer that changes it, so it never drifts from the offers.
 */
public record Lawyer(
        String id,
        String name,
        String email,
        String phone,
        String firm,
        String barEnrolmentNumber,
        String barCouncil,
        int yearsOfPractice,
        List<Category> practiceAreas,
        List<String> jurisdictions,
        List<String> languages,
        Language preferredLanguage,
        int maxActiveMatters,
        int activeMatters,
        boolean paused,
        ProfileStatus status,
        Instant createdAt,
        long version) {

    public static final int DEFAULT_MAX_ACTIVE_MATTERS = 2;

    public Lawyer {
        practiceAreas = List.copyOf(practiceAreas);
        jurisdictions = List.copyOf(jurisdictions);
        languages = List.copyOf(languages);
        if (preferredLanguage == null) preferredLanguage = Language.DEFAULT;
    }

    /** A lawyer written to in English. */
    public Lawyer(
            String id,
            String name,
            String email,
            String phone,
            String firm,
            String barEnrolmentNumber,
            String barCouncil,
            int yearsOfPractice,
            List<Category> practiceAreas,
            List<String> jurisdictions,
            List<String> languages,
            int maxActiveMatters,
            int activeMatters,
            boolean paused,
            ProfileStatus status,
            Instant createdAt,
            long version) {
        this(
                id,
                name,
                email,
                phone,
                firm,
                barEnrolmentNumber,
                barCouncil,
                yearsOfPractice,
                practiceAreas,
                jurisdictions,
                languages,
                Language.DEFAULT,
                maxActiveMatters,
                activeMatters,
                paused,
                status,
                createdAt,
                version);
    }

    public boolean hasCapacity() {
        return activeMatters < maxActiveMatters;
    }

    public Lawyer withStatus(ProfileStatus newStatus) {
        return next(activeMatters, newStatus);
    }

    /** The same lawyer with {@code delta} more (or fewer) active matters, never below zero. */
    public Lawyer withLoadChange(int delta) {
        return next(Math.max(0, activeMatters + delta), status);
    }

    /** The next version: the profile as registered stays; a change sets only the load and the status. */
    private Lawyer next(int nextActiveMatters, ProfileStatus nextStatus) {
        return new Lawyer(
                id,
                name,
                email,
                phone,
                firm,
                barEnrolmentNumber,
                barCouncil,
                yearsOfPractice,
                practiceAreas,
                jurisdictions,
                languages,
                preferredLanguage,
                maxActiveMatters,
                nextActiveMatters,
                paused,
                nextStatus,
                createdAt,
                version + 1);
    }
}
