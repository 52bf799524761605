package dev.grove.nlp.e2e;

import dev.grove.api.model.ModelState;
import dev.grove.api.run.StateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * State files kept in memory: what a test needs to save a pretrained model and start another network
 * from it ({@code train.init-from}) without writing model.grove files.
 */
public final class MemoryStateFiles implements StateFiles {

    private final Map<Path, ModelState> states = new HashMap<>();

    @Override
    public void write(Path path, ModelState state) {
        states.put(path, state);
    }

    @Override
    public ModelState read(Path path) throws IOException {
        ModelState state = states.get(path);
        if (state == null) {
            throw new IOException(path + ": no such state (written: " + states.keySet() + ")");
        }
        return state;
    }
}
