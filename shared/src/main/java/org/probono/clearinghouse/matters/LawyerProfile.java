package org.probono.clearinghouse.matters;

import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LawyerStats;

/** A lawyer with the statistics the ranking uses ({@link Lawyers#profile} reads both at once). */
public record LawyerProfile(Lawyer lawyer, LawyerStats stats) {}
