package dev.grove.api.data;

import java.util.Objects;

/** What a data source produced: one dataset to split, or a fixed train/test pair (test null otherwise). */
public record LoadedData(Dataset data, Dataset test) {

    /** Requires the main dataset. */
    public LoadedData {
        Objects.requireNonNull(data, "data");
    }

    /** One dataset, to be split by the run. */
    public static LoadedData single(Dataset data) {
        return new LoadedData(data, null);
    }

    /** Whether the source fixed the test set itself. */
    public boolean hasFixedTest() {
        return test != null;
    }
}
