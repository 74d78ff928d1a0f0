package org.probono.clearinghouse.domain;

public enum OrganisationType {
    NGO,
    TRUST,
    SOCIETY,
    SECTION_8_COMPANY,
    OTHER
}
