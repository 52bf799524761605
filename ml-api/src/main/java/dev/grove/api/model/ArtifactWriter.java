package dev.grove.api.model;

import dev.grove.api.data.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A model that shows itself in files a person looks at: a generative model's PNG grids of samples,
 * reconstructions and interpolations, the latent codes of the shown rows. A run calls it once,
 * after evaluation, with its test split (the training split when there is none) and the run
 * directory.
 */
public interface ArtifactWriter extends Model {

    /**
     * Writes the files into {@code directory} and returns their names relative to it, in the order a
     * report shows them. Deterministic: any sampling draws from {@code seed}.
     *
     * @param data the rows to show (e.g. to reconstruct and encode)
     * @throws IOException if a file cannot be written
     */
    List<String> writeArtifacts(Dataset data, Path directory, long seed) throws IOException;
}
