package org.probono.clearinghouse.submit.store;

import java.util.Optional;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TokenItems;
import org.probono.clearinghouse.submit.app.Profiles;

/** Profiles and tokens in the single table, read by key. */
public final class TableProfiles implements Profiles {
    private final Store store;

    public TableProfiles(Store store) {
        this.store = store;
    }

    @Override
    public Optional<Token> token(String hash) {
        return store.get(Keys.token(hash)).map(item -> TokenItems.from(hash, item));
    }

    @Override
    public Optional<Organisation> organisation(String id) {
        return store.get(Keys.organisation(id)).map(OrganisationItems::from);
    }

    @Override
    public Optional<Lawyer> lawyer(String id) {
        return store.get(Keys.lawyer(id)).map(LawyerItems::from);
    }
}
