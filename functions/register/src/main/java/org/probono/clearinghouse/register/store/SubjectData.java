package org.probono.clearinghouse.register.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.store.AuditItems;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.TokenItems;

/**
 * Everything the table holds about one person, found from one Scan of the whole table (expired items
 * included): their profiles (an organisation whose contact they are, or a lawyer; a rejected registration
 * and a later one both count), what names them (their address, name or phone in an email's data or an
 * audit note), the requests they own or were offered, and the items keyed by them. Built from what is there
 * now, so after a partial erasure it finds exactly what is left to erase.
 */
record SubjectData(
        String email,
        List<Item> profiles,
        Set<String> identifiers,
        Set<String> profileIds,
        List<Item> profileItems,
        List<Item> tokens,
        List<Item> requestsOwned,
        List<Item> offers,
        Map<String, Item> requestsOffered,
        Map<String, List<Item>> history,
        List<Item> outbox,
        List<Item> auditNamingThem,
        List<Item> keyedByAddress) {

    static SubjectData find(String email, List<Item> everything) {
        List<Item> profiles =
                everything.stream().filter(item -> isProfileOf(item, email)).toList();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> identifiers = new LinkedHashSet<>();
        identifiers.add(email);
        for (Item profile : profiles) {
            ids.add(profile.requiredString("id"));
            boolean organisation = OrganisationItems.ENTITY.equals(profile.entity());
            addIfUseful(identifiers, profile.string(organisation ? "contactName" : "name"));
            addIfUseful(identifiers, profile.string(organisation ? "contactPhone" : "phone"));
        }
        Set<String> partitions = new LinkedHashSet<>();
        for (Item profile : profiles) partitions.add(profile.string(Keys.PK));

        List<Item> profileItems = new ArrayList<>();
        List<Item> tokens = new ArrayList<>();
        List<Item> requestsOwned = new ArrayList<>();
        List<Item> offers = new ArrayList<>();
        Map<String, Item> requests = new HashMap<>();
        Map<String, List<Item>> events = new HashMap<>();
        List<Item> outbox = new ArrayList<>();
        List<Item> audit = new ArrayList<>();
        List<Item> keyedByAddress = new ArrayList<>();
        // The address claim and a suppression entry are keyed by the address itself.
        Set<String> addressKeys = Set.of(
                Keys.email(email).partitionKeyValue().s(),
                Keys.suppression(email).partitionKeyValue().s());
        for (Item item : everything) {
            String entity = item.entity() == null ? "" : item.entity();
            String pk = item.string(Keys.PK);
            if (partitions.contains(pk) && !profiles.contains(item)) profileItems.add(item);
            switch (entity) {
                case TokenItems.ENTITY -> {
                    if (ids.contains(item.string("subjectId")) || ids.contains(item.string("lawyerId")))
                        tokens.add(item);
                }
                case RequestItems.ENTITY -> {
                    requests.put(item.requiredString("id"), item);
                    if (ids.contains(item.string("organisationId"))) requestsOwned.add(item);
                }
                case OfferItems.ENTITY -> {
                    if (ids.contains(item.string("lawyerId"))) offers.add(item);
                }
                case OutboxItems.ENTITY -> {
                    if (email.equals(item.string("to"))
                            || names(item.json("data"), identifiers)
                            || names(item.string(OutboxItems.SUBJECT), identifiers)) {
                        outbox.add(item);
                    }
                }
                case AuditItems.ENTITY -> {
                    if (pk != null && pk.startsWith(Keys.requestPk(""))) {
                        events.computeIfAbsent(pk, k -> new ArrayList<>()).add(item);
                    }
                    if (names(item.string("note"), identifiers) || names(item.string("actor"), identifiers))
                        audit.add(item);
                }
                default -> {}
            }
            if (addressKeys.contains(pk)) keyedByAddress.add(item);
        }
        Map<String, Item> offered = new LinkedHashMap<>();
        for (Item offer : offers) {
            Item request = requests.get(offer.requiredString("requestId"));
            if (request != null) offered.put(request.requiredString("id"), request);
        }
        for (Item request : requests.values()) {
            if (ids.contains(request.string("lawyerId"))) offered.putIfAbsent(request.requiredString("id"), request);
        }
        Map<String, List<Item>> history = new HashMap<>();
        for (Item request : requestsOwned) history.put(request.requiredString("id"), historyOf(events, request));
        for (Item request : offered.values()) history.put(request.requiredString("id"), historyOf(events, request));
        return new SubjectData(
                email,
                profiles,
                identifiers,
                ids,
                profileItems,
                tokens,
                requestsOwned,
                offers,
                offered,
                history,
                outbox,
                audit,
                keyedByAddress);
    }

    boolean isEmpty() {
        return profiles.isEmpty() && outbox.isEmpty() && auditNamingThem.isEmpty() && keyedByAddress.isEmpty();
    }

    /** Requests that keep the person bound to a matter: a lawyer's accepted one, an organisation's accepted or open ones. */
    List<String> blockingRequests() {
        List<String> blocking = new ArrayList<>();
        for (Item request : requestsOwned) {
            RequestStatus status = request.enumValue("status", RequestStatus.class);
            if (status == RequestStatus.ACCEPTED || status.isOpen())
                blocking.add(request.requiredString("id") + " (" + status + ")");
        }
        for (Item request : requestsOffered.values()) {
            if (request.enumValue("status", RequestStatus.class) == RequestStatus.ACCEPTED
                    && profileIds.contains(request.string("lawyerId"))) {
                blocking.add(request.requiredString("id") + " (ACCEPTED)");
            }
        }
        return blocking;
    }

    /** Whether {@code text} contains any of the person's identifiers (address, name, phone), ignoring case. */
    static boolean names(String text, Set<String> identifiers) {
        if (text == null) return false;
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return identifiers.stream()
                .anyMatch(identifier -> lower.contains(identifier.toLowerCase(java.util.Locale.ROOT)));
    }

    private static List<Item> historyOf(Map<String, List<Item>> events, Item request) {
        return events.getOrDefault(request.string(Keys.PK), List.of()).stream()
                .sorted(java.util.Comparator.comparing(item -> item.string(Keys.SK)))
                .toList();
    }

    private static boolean isProfileOf(Item item, String email) {
        return (OrganisationItems.ENTITY.equals(item.entity()) && email.equals(item.string("contactEmail")))
                || (LawyerItems.ENTITY.equals(item.entity()) && email.equals(item.string("email")));
    }

    /** Very short names ("Al") would match inside other words and erase too much; they are matched by address only. */
    private static void addIfUseful(Set<String> identifiers, String value) {
        if (value != null && value.strip().length() >= 4) identifiers.add(value.strip());
    }
}
