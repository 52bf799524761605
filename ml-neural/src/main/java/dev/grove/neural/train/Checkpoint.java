package dev.grove.neural.train;

import dev.grove.api.model.ModelState;
import dev.grove.api.run.StateFiles;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.optim.Optimizer;
import dev.grove.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resumable state of a training run in {@code checkpoint.grove}: parameters and buffers
 * ({@code parameter/NAME}, {@code buffer/NAME}), the optimizer's state ({@code optimizer/KEY}), the
 * position (epochs done, optimizer steps taken), early stopping's bookkeeping with the best weights
 * ({@code best/…}), and the last epoch's figures. Random streams need no saving: they are derived
 * from the seed, the epoch and the step.
 */
final class Checkpoint {

    /** The file name in the run directory. */
    static final String FILE_NAME = "checkpoint.grove";

    private static final String FORMAT = "grove-training-checkpoint-1";
    private static final String OPTIMIZER_PREFIX = "optimizer/";

    /** Where a run stands after an epoch. */
    record Position(int epochsDone, long globalStep, Map<String, Double> lastFigures) {
    }

    private final StateFiles files;
    private final Path path;

    Checkpoint(StateFiles files, Path path) {
        this.files = files;
        this.path = path;
    }

    /** The file. */
    Path path() {
        return path;
    }

    /** Whether the file exists. */
    boolean exists() {
        return Files.exists(path);
    }

    /**
     * Writes the state atomically (through {@link StateFiles#write}).
     *
     * @throws UncheckedIOException naming the file if it cannot be written
     */
    void write(Position position, Map<String, Parameter> parameters, Map<String, Tensor> buffers, Optimizer optimizer,
               BestEpoch best, int trainingRows, int batchSize) {
        ModelState.Builder state = ModelState.builder()
                .attribute("format", FORMAT)
                .attribute("epochs-done", Integer.toString(position.epochsDone()))
                .attribute("global-step", Long.toString(position.globalStep()))
                .attribute("training-rows", Integer.toString(trainingRows))
                .attribute("batch-size", Integer.toString(batchSize));
        writeFigures(state, "last-figure/", position.lastFigures());
        NetworkSnapshot current = new NetworkSnapshot();
        current.capture(parameters, buffers);
        current.writeTo(state, "");
        optimizer.state().forEach((key, t) ->
                state.add(OPTIMIZER_PREFIX + key, new ModelState.Array(null, t.toFloatArray(), t.shape())));
        best.writeTo(state);
        try {
            files.write(path, state.build());
        } catch (IOException e) {
            throw new UncheckedIOException("train: cannot write the checkpoint " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the file and puts its state into the live network, optimizer and early-stopping
     * bookkeeping.
     *
     * @return the position to continue from
     * @throws IllegalArgumentException if the checkpoint belongs to another network or other training data
     * @throws UncheckedIOException     naming the file if it cannot be read
     */
    Position restore(Map<String, Parameter> parameters, Map<String, Tensor> buffers, Optimizer optimizer, BestEpoch best,
                     int trainingRows, int batchSize) {
        ModelState state;
        try {
            state = files.read(path);
        } catch (IOException e) {
            throw new UncheckedIOException("train: cannot read the checkpoint " + path + ": " + e.getMessage(), e);
        }
        String source = "checkpoint " + path;
        if (!FORMAT.equals(state.attributes().get("format"))) {
            throw new IllegalArgumentException(source + " is not a training checkpoint (format '"
                    + state.attributes().get("format") + "', expected '" + FORMAT + "')");
        }
        int rows = intAttribute(state, "training-rows", source);
        int batch = intAttribute(state, "batch-size", source);
        if (rows != trainingRows || batch != batchSize) {
            throw new IllegalArgumentException(source + " was written for " + rows + " training rows in batches of " + batch
                    + ", but this run has " + trainingRows + " rows in batches of " + batchSize
                    + "; resume with the same data and train.batch-size");
        }
        NetworkSnapshot.readFrom(state, "", parameters, buffers, source).restore(parameters, buffers);
        Map<String, Tensor> optimizerState = new LinkedHashMap<>();
        state.arrays().forEach((name, array) -> {
            if (name.startsWith(OPTIMIZER_PREFIX)) {
                optimizerState.put(name.substring(OPTIMIZER_PREFIX.length()), NetworkSnapshot.tensor(array));
            }
        });
        optimizer.restore(optimizerState);
        best.readFrom(state, parameters, buffers, source);
        return new Position(intAttribute(state, "epochs-done", source), longAttribute(state, "global-step", source),
                readFigures(state, "last-figure/", source));
    }

    /** Stores {@code figures} as attributes {@code prefix + key}, exactly (shortest round-trip decimal). */
    static void writeFigures(ModelState.Builder state, String prefix, Map<String, Double> figures) {
        figures.forEach((key, value) -> state.attribute(prefix + key, Double.toString(value)));
    }

    /** The figures {@link #writeFigures} stored under {@code prefix}. */
    static Map<String, Double> readFigures(ModelState state, String prefix, String source) {
        Map<String, Double> figures = new LinkedHashMap<>();
        state.attributes().keySet().forEach(name -> {
            if (name.startsWith(prefix)) {
                figures.put(name.substring(prefix.length()), doubleAttribute(state, name, source));
            }
        });
        return figures;
    }

    /** Attribute {@code name} as an int. */
    static int intAttribute(ModelState state, String name, String source) {
        long value = longAttribute(state, name, source);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(source + ": attribute '" + name + "' is " + value + ", out of range");
        }
        return (int) value;
    }

    /** Attribute {@code name} as a long. */
    static long longAttribute(ModelState state, String name, String source) {
        String text = state.attribute(name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": attribute '" + name + "' is '" + text + "', not a whole number", e);
        }
    }

    /** Attribute {@code name} as a double (NaN allowed). */
    static double doubleAttribute(ModelState state, String name, String source) {
        String text = state.attribute(name);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": attribute '" + name + "' is '" + text + "', not a number", e);
        }
    }
}
