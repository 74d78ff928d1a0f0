package org.probono.clearinghouse.json;

import java.util.List;

/** JSON that cannot be read as asked, said so that an HTTP body's 400 or an admin command's error can name the field. */
public abstract sealed class JsonInputException extends RuntimeException {
    private JsonInputException(String message) {
        super(message, null, false, false);
    }

    /** Not JSON at all, or more than one value. */
    public static final class NotJson extends JsonInputException {
        NotJson() {
            super("not JSON");
        }
    }

    /** Valid JSON, but not the object that was asked for (a list, a string, a number). */
    public static final class NotAnObject extends JsonInputException {
        NotAnObject() {
            super("not a JSON object");
        }
    }

    /** A field the record does not have; {@code known} lists the record's fields (empty below the top). */
    public static final class UnknownField extends JsonInputException {
        private final String field;
        private final List<String> known;

        UnknownField(String field, List<String> known) {
            super(field + " is not a known field");
            this.field = field;
            this.known = List.copyOf(known);
        }

        public String field() {
            return field;
        }

        public List<String> known() {
            return known;
        }
    }

    /** A value of the wrong type: {@code expected} says what it must be ("must be a string"). */
    public static final class WrongType extends JsonInputException {
        private final String field;
        private final String expected;

        WrongType(String field, String expected) {
            super(field + " " + expected);
            this.field = field;
            this.expected = expected;
        }

        public String field() {
            return field;
        }

        public String expected() {
            return expected;
        }
    }
}
