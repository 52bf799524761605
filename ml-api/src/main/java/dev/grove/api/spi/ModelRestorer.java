package dev.grove.api.spi;

import dev.grove.api.data.Schema;
import dev.grove.api.model.Model;
import dev.grove.api.model.ModelState;

/** Rebuilds a fitted model from its params, schema and saved state (the inverse of {@link Model#state()}). */
@FunctionalInterface
public interface ModelRestorer<P extends Record> {

    /** The model; throws {@link IllegalArgumentException} naming the problem if the state does not fit. */
    Model restore(P params, Schema schema, ModelState state);
}
