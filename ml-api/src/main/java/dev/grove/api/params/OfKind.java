package dev.grove.api.params;

import dev.grove.api.spi.Kind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a param whose value is a component of the given kind, or a list of them: a network's
 * layers, its optimizer, its loss. In an experiment file each is written like a pipeline step, a
 * bare name or a one-key map {@code name: {params}}; the runtime binds that component's own params
 * and stores what its factory creates, which must be an instance of the param's (element) type.
 *
 * <p>A component whose params hold exactly one such list may be given that list directly:
 * {@code sequential: [dense, relu]} means {@code sequential: {layers: [dense, relu]}}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OfKind {
    /** The kind of the component(s). */
    Kind value();
}
