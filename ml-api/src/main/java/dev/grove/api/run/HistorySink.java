package dev.grove.api.run;

import java.util.Map;

/** Receives per-iteration or per-epoch figures (loss, accuracy, …) that end up in history.csv. */
@FunctionalInterface
public interface HistorySink {

    /** Discards history. */
    HistorySink NONE = (scope, step, values) -> { };

    /** Records {@code values} for iteration/epoch {@code step} of the component at {@code scope}. */
    void record(String scope, int step, Map<String, Double> values);
}
