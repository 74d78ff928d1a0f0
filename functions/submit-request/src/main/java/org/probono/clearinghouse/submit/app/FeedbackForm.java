package org.probono.clearinghouse.submit.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.probono.clearinghouse.validation.Validation;

/**
 * The body of {@code POST /requests/{id}/feedback}, as sent: JSON nodes, so that a rating sent as text or
 * with a fraction is a 400 naming the field rather than something Jackson quietly coerces.
 */
public record FeedbackForm(JsonNode rating, JsonNode comment) {
    public static final int COMMENT_MAX = 2000;

    public record Checked(int rating, String comment) {}

    public Checked validate() {
        Validation check = new Validation();
        int checkedRating = 0;
        if (rating == null || rating.isNull()) check.fail("rating", "is required");
        else if (!rating.isIntegralNumber() || rating.asLong() < 1 || rating.asLong() > 5) {
            check.fail("rating", "must be a whole number from 1 to 5");
        } else checkedRating = rating.asInt();
        String checkedComment = null;
        if (comment != null && !comment.isNull()) {
            if (!comment.isTextual()) check.fail("comment", "must be a string");
            else checkedComment = check.optionalText("comment", comment.asText(), 1, COMMENT_MAX);
        }
        check.throwIfInvalid();
        return new Checked(checkedRating, checkedComment);
    }
}
