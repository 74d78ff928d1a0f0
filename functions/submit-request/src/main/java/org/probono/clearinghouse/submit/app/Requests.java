package org.probono.clearinghouse.submit.app;

import java.time.Clock;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.submit.store.RequestStore;

/** SubmitRequestFunction's use cases, wired once per container. */
public record Requests(OrganisationAccess access, Submission submission, RequestViews views, Withdrawal withdrawal,
                       RequestListing listing, FeedbackGiving feedback) {
    public static Requests of(RequestStore store, ConfidentialBox box, Mailboxes mailboxes, PageCursors cursors,
                              Clock clock) {
        Ids ids = new Ids(clock);
        return new Requests(
                new OrganisationAccess(store, clock),
                new Submission(store, box, ids, clock, mailboxes),
                new RequestViews(store, box),
                new Withdrawal(store.matters(), store.lawyers(), ids, clock, mailboxes),
                new RequestListing(store, cursors),
                new FeedbackGiving(store, clock));
    }
}
