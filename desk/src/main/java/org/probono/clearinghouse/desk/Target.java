package org.probono.clearinghouse.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Optional;

/** Where the admin commands go: the local runner or a deployed stack. Answers are the functions' JSON as it is. */
sealed interface Target permits LocalRunnerTarget, StackTarget {
    /** The function's answer, an error object included; a failed invocation is a {@link DeskFailure}. */
    JsonNode invoke(AdminFunction function, ObjectNode command);

    /** The deployment's time zone when the target says it (a stack's {@code TimeZone} parameter). */
    Optional<ZoneId> zone();
}
