package dev.grove.api.run;

import dev.grove.api.model.ModelState;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link StateFiles} kept in memory, for embedding without a file system and for tests: a state
 * written at a path is read back from the same path (e.g. a pretrained network's weights for
 * {@code init-from}); nothing is written to disk.
 */
public final class InMemoryStateFiles implements StateFiles {

    private final Map<Path, ModelState> states = new ConcurrentHashMap<>();

    @Override
    public void write(Path path, ModelState state) {
        states.put(path, state);
    }

    /**
     * {@inheritDoc}
     *
     * @throws NoSuchFileException if nothing was written at {@code path}, naming the paths that were
     */
    @Override
    public ModelState read(Path path) throws NoSuchFileException {
        ModelState state = states.get(path);
        if (state == null) {
            throw new NoSuchFileException(path.toString(), null, "no state was written here (written: " + states.keySet() + ")");
        }
        return state;
    }
}
