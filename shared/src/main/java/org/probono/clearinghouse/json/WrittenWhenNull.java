package org.probono.clearinghouse.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component written as {@code null} when it has no value, where {@link Json} leaves other absent
 * fields out: for a field a client reads as "none" ({@code "next": null} on the last page).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface WrittenWhenNull {}
