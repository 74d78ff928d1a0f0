package org.probono.clearinghouse.domain;

import java.time.Instant;

/**
 * One line of a subject's audit trail (a request, an organisation, a lawyer). {@code status} is the
 * subject's status after the event; {@code note} is safe to show the subject's owner (never confidential).
 */
public record AuditEvent(String subjectKey, Instant at, String status, String note, String actor) {}
