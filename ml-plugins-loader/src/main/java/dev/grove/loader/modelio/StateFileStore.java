package dev.grove.loader.modelio;

import dev.grove.api.model.ModelState;
import dev.grove.api.run.StateFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The runtime's {@link StateFiles}: checkpoints are sealed zips like model.grove (the arrays as
 * safetensors, the attributes in YAML), written to a temporary file and renamed into place; reading
 * also accepts a saved model.grove, so a network can start from another run's weights.
 */
public final class StateFileStore implements StateFiles {

    /** A store with Grove's file format. */
    public StateFileStore() {
    }

    @Override
    public void write(Path path, ModelState state) throws IOException {
        try {
            ModelFileWriter.writeState(path, state);
        } catch (ModelFileException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public ModelState read(Path path) throws IOException {
        try {
            return ModelFileReader.readState(path);
        } catch (ModelFileException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
