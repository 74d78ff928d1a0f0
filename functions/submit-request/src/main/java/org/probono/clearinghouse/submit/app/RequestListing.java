package org.probono.clearinghouse.submit.app;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.json.WrittenWhenNull;

/**
 * {@code GET /requests}: the caller's own requests, newest first, {@value #PAGE_SIZE} a page, from the
 * per-organisation index (GSI1 {@code ORG#id}). The cursor names where the next page starts, sealed.
 */
public final class RequestListing {
    public static final int PAGE_SIZE = 20;

    public record Summary(
            String id, RequestStatus status, Category category, String title, Instant createdAt, Instant deadline) {}

    /** {@code next} is null on the last page, and says so in the JSON. */
    public record Page(List<Summary> items, @WrittenWhenNull String next) {}

    /** The cursor was not one this listing handed to this organisation. */
    public record BadCursor() {}

    private final OrganisationRequests requests;
    private final PageCursors cursors;

    public RequestListing(OrganisationRequests requests, PageCursors cursors) {
        this.requests = requests;
        this.cursors = cursors;
    }

    /** The page after {@code cursor} (the first when absent), or empty when the cursor is bad. */
    public Optional<Page> list(Organisation caller, Optional<String> cursor) {
        Map<String, String> after = Map.of();
        if (cursor.isPresent()) {
            Optional<Map<String, String>> opened =
                    cursors.open(cursor.get()).filter(position -> requests.isPositionIn(position, caller.id()));
            if (opened.isEmpty()) return Optional.empty();
            after = opened.get();
        }
        OrganisationRequests.RequestPage page = requests.requestsOf(caller.id(), PAGE_SIZE, after);
        List<Summary> items =
                page.requests().stream().map(RequestListing::summary).toList();
        String next = page.nextAfter()
                .map(position -> cursors.seal(new LinkedHashMap<>(position)))
                .orElse(null);
        return Optional.of(new Page(items, next));
    }

    private static Summary summary(LegalRequest request) {
        return new Summary(
                request.id(),
                request.status(),
                request.category(),
                request.title(),
                request.createdAt(),
                request.deadline());
    }
}
