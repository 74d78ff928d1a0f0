package org.probono.clearinghouse.register.app;

import java.time.Instant;

/**
 * A step's line in a registrant's audit trail, as the use case knows it: when, why and by whom. The
 * registry files it under the registrant, with the status the step leaves the registrant in.
 */
public record AuditNote(Instant at, String note, String actor) {}
