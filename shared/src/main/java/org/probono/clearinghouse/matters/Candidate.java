package org.probono.clearinghouse.matters;

import java.util.List;

/** A lawyer the team could offer a request to, with a score (0 to 100) and the reasons behind it. */
public record Candidate(String lawyerId, String name, int score, List<String> reasons) {
    public Candidate {
        reasons = List.copyOf(reasons);
    }

    /** How the team's emails list a suggestion: "Name (score)". */
    public String label() {
        return name + " (" + score + ")";
    }
}
