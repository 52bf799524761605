package dev.grove.api.params;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Upper bound of a numeric param; {@code exclusive} makes it strict. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Max {
    /** The bound. */
    double value();

    /** Whether the bound itself is excluded. */
    boolean exclusive() default false;
}
