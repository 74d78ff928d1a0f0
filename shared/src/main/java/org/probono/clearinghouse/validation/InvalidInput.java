package org.probono.clearinghouse.validation;

import java.util.List;

/**
 * Thrown by {@link Validation#throwIfInvalid()} with every bad field of one input. Checking input is not
 * HTTP: the HTTP layer ({@code Http.respond}) answers it with a 400 naming the fields.
 */
public final class InvalidInput extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
