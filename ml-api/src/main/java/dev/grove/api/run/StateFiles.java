package dev.grove.api.run;

import dev.grove.api.model.ModelState;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads and writes {@link ModelState}s as files: training checkpoints, and the weights of a saved
 * model a network starts from ({@code init-from}). The runtime provides one that uses Grove's model
 * file format (safetensors inside a sealed zip, written atomically); families use it through
 * {@link RunContext#stateFiles()} and so never depend on a file format.
 */
public interface StateFiles {

    /**
     * Writes {@code state} to {@code path} atomically: a reader sees the previous file or the new
     * one, never a part-written file.
     */
    void write(Path path, ModelState state) throws IOException;

    /**
     * The state stored at {@code path}: a file {@link #write} made, or a saved model
     * ({@code model.grove}), whose learned arrays and attributes it returns.
     *
     * @throws IOException naming the file if it is missing, damaged or not a Grove state file
     */
    ModelState read(Path path) throws IOException;
}
