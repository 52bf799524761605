package dev.grove.neural.network;

import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.api.run.StateFiles;
import dev.grove.neural.layer.Layer;
import dev.grove.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code train.init-from}: starts a freshly built network from a saved model's weights.
 * Every array (parameter or buffer) whose full name and shape match one in the saved state is
 * copied; one of the same name but another shape keeps its fresh initialisation, which is how a new
 * head (e.g. {@code dense-2} with 5 instead of 10 units) replaces the old one.
 *
 * <p>What happened is reported twice: as one history row in the scope {@code init-from} (step 0 of
 * history.csv) with the counts {@code loaded}, {@code fresh} and {@code unused}; and by name in the
 * fitted model's attributes {@code init-from} (the file), {@code init-from.loaded} and
 * {@code init-from.fresh} (comma-separated array names), which metrics.json and the saved model show.
 */
final class InitFrom {

    /** The model attribute naming the file, and the prefix of those naming the loaded and fresh arrays. */
    static final String ATTRIBUTE = "init-from";

    /**
     * The outcome of loading.
     *
     * @param source the file read
     * @param loaded the network's arrays copied from the file
     * @param fresh  the network's arrays left at their initialisation (absent from the file, or of another shape)
     * @param unused the file's arrays the network has no place for
     */
    record Report(String source, List<String> loaded, List<String> fresh, List<String> unused) {
        Report {
            loaded = List.copyOf(loaded);
            fresh = List.copyOf(fresh);
            unused = List.copyOf(unused);
        }

        /** The model attributes recording this report. */
        Map<String, String> attributes() {
            return Map.of(ATTRIBUTE, source, ATTRIBUTE + ".loaded", String.join(", ", loaded),
                    ATTRIBUTE + ".fresh", String.join(", ", fresh));
        }
    }

    private InitFrom() {
    }

    /**
     * Loads the arrays of the saved model at {@code path} (resolved by the context) that match
     * {@code network}'s, and reports what was loaded.
     *
     * @throws IllegalStateException    if the run context cannot read state files
     * @throws IllegalArgumentException if the file cannot be read, or none of its arrays matches the network
     */
    static Report apply(String component, Layer network, String path, RunContext context) {
        StateFiles files = context.stateFiles().orElseThrow(() -> new IllegalStateException(component
                + ": train.init-from " + path + " needs a run context that reads saved models (RunContext.Builder"
                + ".stateFiles), and this one has none"));
        Path resolved = context.resolvePath(path);
        ModelState saved;
        try {
            saved = files.read(resolved);
        } catch (IOException e) {
            throw new IllegalArgumentException(component + ": train.init-from cannot read " + resolved + ": "
                    + e.getMessage(), e);
        }
        Report report = load(network, saved, resolved.toString());
        if (report.loaded().isEmpty()) {
            throw new IllegalArgumentException(component + ": train.init-from " + resolved + ": no saved array matches"
                    + " the network by name and shape; the file has " + saved.arrays().keySet()
                    + ", the network has " + NetworkWeights.arrays(network).keySet());
        }
        context.scoped("init-from").recordHistory(0, Map.of("loaded", (double) report.loaded().size(),
                "fresh", (double) report.fresh().size(), "unused", (double) report.unused().size()));
        return report;
    }

    /** Copies the arrays of {@code saved} (read from {@code source}) that match {@code network}'s by name and shape. */
    static Report load(Layer network, ModelState saved, String source) {
        Map<String, Tensor> arrays = NetworkWeights.arrays(network);
        List<String> loaded = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        arrays.forEach((name, tensor) -> {
            ModelState.Array array = saved.arrays().get(name);
            if (array != null && Arrays.equals(array.shape(), tensor.shape())) {
                NetworkWeights.copy(array, tensor);
                loaded.add(name);
            } else {
                fresh.add(name);
            }
        });
        List<String> unused = saved.arrays().keySet().stream().filter(name -> !arrays.containsKey(name)).toList();
        return new Report(source, loaded, fresh, unused);
    }
}
