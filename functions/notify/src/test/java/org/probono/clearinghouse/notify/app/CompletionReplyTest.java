package org.probono.clearinghouse.notify.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompletionReplyTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "DONE 6.5 hours: contract signed|6.5|contract signed",
                "done, 6 hrs 30 min. Trademark objection answered.|6.5|Trademark objection answered.",
                "Completed in 4 hours - FCRA renewal filed|4.0|FCRA renewal filed",
                "Finished: 2 hours and 15 minutes, advice note sent to the shelter|2.25|advice note sent to the shelter",
                "Done. 45 min: reviewed the muralist's contract|0.75|reviewed the muralist's contract",
                "हो गया, 6,5 घंटे: अनुबंध पर हस्ताक्षर हो गए|6.5|अनुबंध पर हस्ताक्षर हो गए",
                "Ho gaya, 3 ghante: agreement registered|3.0|agreement registered",
                "সম্পন্ন, ৪ ঘণ্টা: চুক্তি সই হয়েছে|4.0|চুক্তি সই হয়েছে",
                "DONE ६ घंटे: पंजीकरण पूरा|6.0|पंजीकरण पूरा",
                "काम पूरा हो गया, 6,5 घंटे: अनुबंध पर हस्ताक्षर हो गए|6.5|अनुबंध पर हस्ताक्षर हो गए",
                "কাজ শেষ হয়েছে, ৩ ঘণ্টা - নিবন্ধন হয়ে গেছে|3.0|নিবন্ধন হয়ে গেছে"
            })
    void a_clear_completion_gives_its_hours_and_outcome(String reply, double hours, String outcome) {
        String expected = java.text.Normalizer.normalize(outcome, java.text.Normalizer.Form.NFC);
        assertThat(CompletionReply.of(reply)).contains(new CompletionReply.Done(hours, expected));
    }

    @Test
    void the_examples_the_hindi_and_bengali_emails_give_are_read_as_completions() {
        assertThat(CompletionReply.of("हो गया, 6.5 घंटे: अनुबंध पर हस्ताक्षर हो गए"))
                .contains(new CompletionReply.Done(6.5, "अनुबंध पर हस्ताक्षर हो गए"));
        assertThat(CompletionReply.of("সম্পন্ন, ৬.৫ ঘণ্টা: চুক্তি সই হয়েছে"))
                .contains(new CompletionReply.Done(
                        6.5, java.text.Normalizer.normalize("চুক্তি সই হয়েছে", java.text.Normalizer.Form.NFC)));
    }

    @Test
    void only_what_the_lawyer_wrote_counts_not_the_quoted_email() {
        String reply =
                "DONE 3 hours: lease reviewed\n\nOn Mon, 30 Nov 2026, Clearinghouse wrote:\n> reply DONE 6.5 hours: outcome";

        assertThat(CompletionReply.of(reply)).contains(new CompletionReply.Done(3.0, "lease reviewed"));
    }

    @Test
    void a_sign_off_is_not_part_of_the_outcome_and_the_outcome_may_follow_on_the_next_line() {
        assertThat(CompletionReply.of("DONE 6.5 hours: contract signed\nAsha Rao\nRao & Sen"))
                .contains(new CompletionReply.Done(6.5, "contract signed"));
        assertThat(CompletionReply.of("Done, 3 hours.\nThe lease was renegotiated.\n\nRegards,\nAsha"))
                .contains(new CompletionReply.Done(3.0, "The lease was renegotiated."));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "DONE 6.5 hours", // no outcome
                "Contract signed after 6 hours of work", // no word saying it is done
                "Done: contract signed", // no hours
                "Not done yet, 6 hours so far", // negated
                "Almost done, 5 hours: waiting for the signature", // not yet
                "Done? I spent 6 hours, is that enough to close it", // a question
                "Done 3 hours on Monday and 2 hours today: draft sent", // two amounts: which?
                "Done 0 hours: nothing needed", // no time given
                "Done 6 hours 75 minutes: signed", // not a time
                "अभी पूरा नहीं हुआ, 4 घंटे लगे", // not yet, in Hindi
                "এখনও শেষ হয়নি, ৩ ঘণ্টা", // not yet, in Bengali
                // work that goes on (found by a review: each of these once completed the matter)
                "3 hours done so far, still working on the draft",
                "Draft done, 3 hours so far; waiting for the client's comments",
                "The first meeting is done (2 hours). More to come.",
                "Half done, 2 hours: first draft sent",
                "आधा काम हो गया, 3 घंटे: पहला मसौदा भेजा",
                "অর্ধেক কাজ শেষ, ২ ঘণ্টা: প্রথম খসড়া পাঠানো হয়েছে",
                "done 5 hours: still pending with the registrar",
                "Done 0.001 hours: reviewed", // rounds to no time at all
                "ACCEPT",
                ""
            })
    void anything_less_than_clear_is_unclear(String reply) {
        assertThat(CompletionReply.of(reply)).isEmpty();
    }
}
