package org.probono.clearinghouse.domain;

import java.time.Instant;

/**
 * One line of a subject's audit trail (a request, an organisation, a lawyer): which subject is where the
 * store files it, not part of the line. {@code status} is the subject's status after the event; {@code note}
 * is safe to show the subject's owner (never confidential).
 */
public record AuditEvent(Instant at, String status, String note, String actor) {}
