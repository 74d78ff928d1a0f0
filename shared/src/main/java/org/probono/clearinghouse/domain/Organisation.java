package org.probono.clearinghouse.domain;

import java.time.Instant;
import java.util.List;

public record Organisation(
        String id,
        String name,
        OrganisationType organisationType,
        String registrationNumber,
        String jurisdiction,
        String city,
        String website,
        List<String> focusAreas,
        Contact contact,
        ProfileStatus status,
        Instant createdAt,
        long version) {

    public Organisation {
        focusAreas = List.copyOf(focusAreas);
    }

    public Organisation withStatus(ProfileStatus newStatus) {
        return new Organisation(
                id,
                name,
                organisationType,
                registrationNumber,
                jurisdiction,
                city,
                website,
                focusAreas,
                contact,
                newStatus,
                createdAt,
                version + 1);
    }
}
