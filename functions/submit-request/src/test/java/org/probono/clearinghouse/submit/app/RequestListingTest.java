package org.probono.clearinghouse.submit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;

/** Listing's rules, over in-memory ports: the caller's own requests, newest first, in sealed pages. */
class RequestListingTest {
    private static final Instant START = Instant.parse("2026-10-01T09:00:00Z");
    private final Asking desk = new Asking();
    private final Organisation other = Asking.organisation("org-other", ProfileStatus.APPROVED);

    /** {@code count} requests of {@code organisation}, an hour apart; their ids, oldest first. */
    private List<String> requestsOf(Organisation organisation, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> desk.existing(
                                organisation,
                                organisation.id() + "-" + i,
                                RequestStatus.SUBMITTED,
                                START.plus(Duration.ofHours(i)))
                        .id())
                .toList();
    }

    @Test
    void the_pages_hold_every_request_of_the_caller_once_newest_first() {
        List<String> ids = new ArrayList<>(requestsOf(desk.shakti, RequestListing.PAGE_SIZE * 2 + 3));
        requestsOf(other, 5);

        List<String> listed = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            RequestListing.Page page = desk.listing.list(desk.shakti, cursor).orElseThrow();
            page.items().forEach(summary -> listed.add(summary.id()));
            cursor = Optional.ofNullable(page.next());
            pages++;
        } while (cursor.isPresent());

        assertThat(pages).isEqualTo(3);
        assertThat(listed).containsExactlyElementsOf(ids.reversed());
    }

    @Test
    void the_last_page_says_there_is_no_next() {
        requestsOf(desk.shakti, 2);

        assertThat(desk.listing
                        .list(desk.shakti, Optional.empty())
                        .orElseThrow()
                        .next())
                .isNull();
    }

    @Test
    void another_organisations_cursor_does_not_open() {
        requestsOf(other, RequestListing.PAGE_SIZE + 1);
        String theirs = desk.listing.list(other, Optional.empty()).orElseThrow().next();

        assertThat(desk.listing.list(desk.shakti, Optional.of(theirs))).isEmpty();
    }

    @Test
    void an_altered_cursor_does_not_open() {
        requestsOf(desk.shakti, RequestListing.PAGE_SIZE + 1);
        String cursor =
                desk.listing.list(desk.shakti, Optional.empty()).orElseThrow().next();

        assertThat(desk.listing.list(desk.shakti, Optional.of("x" + cursor))).isEmpty();
        assertThat(desk.listing.list(desk.shakti, Optional.of("not-a-cursor"))).isEmpty();
    }
}
