package dev.grove.neural.network;

import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.api.run.StateFiles;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.train.InitArray;
import dev.grove.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@code train.init-from}: starts a freshly built network from a saved model's weights.
 * Every array (parameter or buffer) whose full name and shape match one in the saved state is
 * copied; one of the same name but another shape keeps its fresh initialisation, which is how a new
 * head (e.g. {@code dense-2} with 5 instead of 10 units) replaces the old one. Then each
 * {@code init-arrays} entry ({@link InitArray}) copies a saved array, transposed if asked, into a
 * network array of another name; its shape must match exactly.
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
     * @param loaded the network's arrays copied from the file; those taken from another name are
     *               written as their init-arrays entry ({@code embedding-1.weight <- dense-1.weight^T})
     * @param fresh  the network's arrays left at their initialisation (absent from the file, or of another shape)
     * @param unused the file's arrays that started nothing: neither copied by name (absent from the
     *               network, or of another shape there, like an old head) nor an init-arrays source
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
     * @throws IllegalArgumentException if the file cannot be read, none of its arrays matches the
     *                                  network, or an init-arrays entry names a missing array or
     *                                  gives the wrong shape
     */
    static Report apply(String component, Layer network, String path, List<InitArray> renamed, RunContext context) {
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
        Report report;
        try {
            report = load(network, saved, resolved.toString(), renamed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(component + ": train.init-from " + resolved + ": " + e.getMessage(), e);
        }
        if (report.loaded().isEmpty()) {
            throw new IllegalArgumentException(component + ": train.init-from " + resolved + ": no saved array matches"
                    + " the network by name and shape; the file has " + saved.arrays().keySet()
                    + ", the network has " + NetworkWeights.arrays(network).keySet());
        }
        context.scoped("init-from").recordHistory(0, Map.of("loaded", (double) report.loaded().size(),
                "fresh", (double) report.fresh().size(), "unused", (double) report.unused().size()));
        return report;
    }

    /**
     * Copies the arrays of {@code saved} (read from {@code source}) that match {@code network}'s by
     * name and shape, then the {@code renamed} ones.
     *
     * @throws IllegalArgumentException if a renamed entry names an array missing on either side, or
     *                                  the shapes differ
     */
    static Report load(Layer network, ModelState saved, String source, List<InitArray> renamed) {
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
        // A saved array started something if it was copied by name and not replaced by an entry, or is an entry's source.
        Set<String> used = new HashSet<>(loaded);
        for (InitArray entry : renamed) {
            copyRenamed(entry, saved, arrays);
            loaded.remove(entry.target());
            fresh.remove(entry.target());
            loaded.add(entry.toString());
            used.remove(entry.target());
        }
        renamed.forEach(entry -> used.add(entry.source()));
        List<String> unused = saved.arrays().keySet().stream().filter(name -> !used.contains(name)).toList();
        return new Report(source, loaded, fresh, unused);
    }

    /** Copies the saved array {@code entry.source()}, transposed if asked, into the network's {@code entry.target()}. */
    private static void copyRenamed(InitArray entry, ModelState saved, Map<String, Tensor> arrays) {
        Tensor target = arrays.get(entry.target());
        if (target == null) {
            throw new IllegalArgumentException("init-arrays '" + entry + "': the network has no array " + entry.target()
                    + "; it has " + arrays.keySet());
        }
        ModelState.Array array = saved.arrays().get(entry.source());
        if (array == null) {
            throw new IllegalArgumentException("init-arrays '" + entry + "': the file has no array " + entry.source()
                    + "; it has " + saved.arrays().keySet());
        }
        int[] shape = array.shape();
        if (entry.transpose() && shape.length != 2) {
            throw new IllegalArgumentException("init-arrays '" + entry + "': " + entry.source() + " is "
                    + Arrays.toString(shape) + ", not a matrix, so it has no transpose");
        }
        int[] given = entry.transpose() ? new int[] {shape[1], shape[0]} : shape;
        if (!Arrays.equals(given, target.shape())) {
            throw new IllegalArgumentException("init-arrays '" + entry + "': " + entry.target() + " is "
                    + Arrays.toString(target.shape()) + " but " + entry.source() + (entry.transpose() ? "^T" : "")
                    + " is " + Arrays.toString(given));
        }
        if (entry.transpose()) {
            NetworkWeights.copyTransposed(array, target);
        } else {
            NetworkWeights.copy(array, target);
        }
    }
}
