package org.probono.clearinghouse.notify.store;

import java.time.Instant;
import java.util.Locale;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.Transaction;

/** Addresses that bounced for good or complained: {@code SUPPRESS#email}. Never mailed again. */
public final class SuppressionList {
    public static final String ENTITY = "SUPPRESS";

    private final Store store;

    public SuppressionList(Store store) { this.store = store; }

    public boolean isSuppressed(String email) {
        return email != null && store.get(Keys.suppression(normalise(email))).isPresent();
    }

    /** Adds the address (again: a later bounce just refreshes the entry). */
    public void suppress(String email, String reason, Instant at) {
        String address = normalise(email);
        store.commit(new Transaction().put(Item.write(ENTITY, Keys.suppression(address))
                .string("email", address).string("reason", reason).time("at", at).build()));
    }

    public static String normalise(String email) { return email.strip().toLowerCase(Locale.ROOT); }
}
