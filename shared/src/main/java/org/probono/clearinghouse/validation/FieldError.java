package org.probono.clearinghouse.validation;

/** One bad field of a request body: {@code field} is its JSON path (dots and [index]). */
public record FieldError(String field, String message) {}
