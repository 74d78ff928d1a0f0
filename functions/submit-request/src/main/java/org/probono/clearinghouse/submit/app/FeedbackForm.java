package org.probono.clearinghouse.submit.app;

import org.probono.clearinghouse.validation.Validation;

/**
 * The body of {@code POST /requests/{id}/feedback}, as sent: untyped JSON values (a string, a number, a
 * boolean, a list or a map), so that a rating sent as text or with a fraction is a 400 that says what a
 * rating is, and not only that it must be a whole number.
 */
public record FeedbackForm(Object rating, Object comment) {
    public static final int COMMENT_MAX = 2000;

    public record Checked(int rating, String comment) {}

    public Checked validate() {
        Validation check = new Validation();
        int checkedRating = 0;
        if (rating == null) check.fail("rating", "is required");
        else if (!(rating instanceof Integer whole) || whole < 1 || whole > 5) {
            check.fail("rating", "must be a whole number from 1 to 5");
        } else checkedRating = whole;
        String checkedComment = null;
        if (comment != null) {
            if (!(comment instanceof String text)) check.fail("comment", "must be a string");
            else checkedComment = check.optionalText("comment", text, 1, COMMENT_MAX);
        }
        check.throwIfInvalid();
        return new Checked(checkedRating, checkedComment);
    }
}
