package org.probono.clearinghouse.desk;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ids by a unique prefix, as git names commits: what a table shows is the shortest prefix (8 characters at
 * least) that tells its ids apart, and any unique prefix of an id in the pool names it. A whole id passes as
 * it is, listed or not (a request no longer in the queue is still named by its full id).
 */
final class ShortIds {
    static final int MIN_SHOWN = 8;
    private static final Pattern WHOLE_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ShortIds() {}

    /** The id a prefix names in the pool; {@code what} says what is looked for ("open request"). */
    static String resolve(String given, Collection<String> pool, String what) {
        String prefix = given.strip().toLowerCase(Locale.ROOT);
        if (prefix.isEmpty()) throw DeskFailure.usage("An empty " + what + " id names nothing.");
        List<String> matches = pool.stream()
                .distinct()
                .filter(id -> id.toLowerCase(Locale.ROOT).startsWith(prefix))
                .toList();
        if (matches.size() == 1) return matches.getFirst();
        if (matches.size() > 1) {
            if (matches.stream().anyMatch(id -> id.equalsIgnoreCase(prefix))) return given.strip();
            throw DeskFailure.usage("'" + given + "' could be " + matches.size() + " " + what + "s ("
                    + String.join(
                            ", ",
                            abbreviations(matches).values().stream().sorted().toList()) + "); give more characters.");
        }
        if (WHOLE_ID.matcher(given.strip()).matches()) return given.strip();
        throw new DeskFailure(
                ExitCode.NOT_FOUND,
                "No " + what + " starts with '" + given + "'; a short id is looked up among "
                        + "the queue and the pending lists, so name anything else by its full id.");
    }

    static boolean isWholeId(String given) {
        return WHOLE_ID.matcher(given.strip()).matches();
    }

    /** Each id's shortest prefix of at least {@link #MIN_SHOWN} characters that no other id of the list shares. */
    static Map<String, String> abbreviations(Collection<String> ids) {
        List<String> distinct = ids.stream().distinct().toList();
        Map<String, String> shortest = new HashMap<>();
        for (String id : distinct) {
            int length = Math.min(MIN_SHOWN, id.length());
            for (String other : distinct) {
                if (other.equals(id)) continue;
                int common = commonPrefix(id.toLowerCase(Locale.ROOT), other.toLowerCase(Locale.ROOT));
                length = Math.max(length, Math.min(id.length(), common + 1));
            }
            // A prefix ending in '-' reads like a typo; take the next character too.
            if (length < id.length() && id.charAt(length - 1) == '-') length++;
            shortest.put(id, id.substring(0, length));
        }
        return shortest;
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
        return i;
    }
}
