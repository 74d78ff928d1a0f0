package org.probono.clearinghouse.submit.app;

import java.util.Optional;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.Token;

/** Organisations and lawyers as registered, and the tokens that stand for them. Reads only. */
public interface Profiles {
    /** A token by the hash of its secret. */
    Optional<Token> token(String hash);

    Optional<Organisation> organisation(String id);

    Optional<Lawyer> lawyer(String id);
}
