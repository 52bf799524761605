package dev.grove.api.data;

import dev.grove.api.run.RunContext;

/** Loads data: a CSV file, a generator, an image archive. Registered as a component of kind DATA_SOURCE. */
public interface DataSource {

    /** Loads the data; relative paths are resolved with {@link RunContext#resolvePath(String)}. */
    LoadedData load(RunContext context);
}
