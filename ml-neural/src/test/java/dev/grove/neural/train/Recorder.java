package dev.grove.neural.train;

import dev.grove.api.run.HistorySink;
import dev.grove.api.run.ProgressSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Collects the history rows and progress updates a training run reports. */
final class Recorder implements HistorySink, ProgressSink {

    /** One history row. */
    record Row(int epoch, Map<String, Double> values) {
    }

    /** One progress update. */
    record Update(long done, long total, String message) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<Update> updates = new ArrayList<>();
    private final BiConsumer<Integer, Map<String, Double>> onEpoch;

    Recorder() {
        this((epoch, values) -> { });
    }

    /** Also calls {@code onEpoch} when an epoch's row arrives (to look at the network at that moment). */
    Recorder(BiConsumer<Integer, Map<String, Double>> onEpoch) {
        this.onEpoch = onEpoch;
    }

    @Override
    public void record(String scope, int step, Map<String, Double> values) {
        rows.add(new Row(step, Map.copyOf(values)));
        onEpoch.accept(step, values);
    }

    @Override
    public void update(String task, long done, long total, String message) {
        updates.add(new Update(done, total, message));
    }

    /** The figure {@code key} of every epoch, in order. */
    List<Double> column(String key) {
        return rows.stream().map(r -> r.values().get(key)).toList();
    }
}
