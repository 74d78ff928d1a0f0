package org.probono.clearinghouse.domain;

/** What kind of legal help a request asks for; also a lawyer's practice areas. */
public enum Category {
    CONTRACT_REVIEW,
    CONTRACT_DRAFTING,
    EMPLOYMENT,
    INTELLECTUAL_PROPERTY,
    FCRA_COMPLIANCE,
    REGULATORY_COMPLIANCE,
    ENTITY_FORMATION,
    GOVERNANCE,
    LEGAL_ADVICE,
    LITIGATION,
    OTHER
}
