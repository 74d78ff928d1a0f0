package org.probono.clearinghouse.submit.app;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.Token;

/** {@link Profiles} in memory: what the test puts in is what the use cases read. */
public final class InMemoryProfiles implements Profiles {
    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<String, Organisation> organisations = new HashMap<>();
    private final Map<String, Lawyer> lawyers = new HashMap<>();

    public synchronized InMemoryProfiles put(Organisation organisation) {
        organisations.put(organisation.id(), organisation);
        return this;
    }

    public synchronized InMemoryProfiles put(Lawyer lawyer) {
        lawyers.put(lawyer.id(), lawyer);
        return this;
    }

    public synchronized InMemoryProfiles put(Token token) {
        tokens.put(token.hash(), token);
        return this;
    }

    @Override
    public synchronized Optional<Token> token(String hash) {
        return Optional.ofNullable(tokens.get(hash));
    }

    @Override
    public synchronized Optional<Organisation> organisation(String id) {
        return Optional.ofNullable(organisations.get(id));
    }

    @Override
    public synchronized Optional<Lawyer> lawyer(String id) {
        return Optional.ofNullable(lawyers.get(id));
    }
}
