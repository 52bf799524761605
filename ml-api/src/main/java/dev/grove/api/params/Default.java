package dev.grove.api.params;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a param takes when an experiment omits it, written as in YAML ({@code "1.0"},
 * {@code "l2"}, {@code "true"}, {@code "[64, 32]"}). A param without a default is required.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
    /** The YAML text of the default. */
    String value();
}
