package org.probono.clearinghouse.desk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the desk: commands are built as trees, answers read as trees. */
final class DeskJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DeskJson() {}

    static ObjectNode command(String name) {
        return MAPPER.createObjectNode().put("command", name);
    }

    static JsonNode parse(String text, String from) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DeskFailure(ExitCode.FAILED, from + " answered something that is not JSON.");
        }
    }

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
