package org.probono.clearinghouse.matters;

import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Lawyer;

/** Lawyers as the matching reads them. */
public interface Lawyers {
    /** The lawyer with the statistics the ranking uses, strongly consistent. */
    Optional<LawyerProfile> profile(String lawyerId);

    /** The lawyer alone, strongly consistent. */
    Optional<Lawyer> lawyer(String lawyerId);

    /** Every lawyer who lists {@code category} among their practice areas, with their statistics. */
    List<LawyerProfile> practising(Category category);
}
