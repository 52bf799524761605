package com.example.toynet;

import dev.grove.api.data.DataSource;
import dev.grove.api.data.Dataset;
import dev.grove.api.data.LoadedData;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import java.util.List;

/** Images of 1x2x2 pixels: class 1 is bright, class 0 dark, with a little deterministic texture. */
public record ToyImages(int rows) implements DataSource {

    @Override
    public LoadedData load(RunContext context) {
        float[] pixels = new float[rows * 4];
        double[] labels = new double[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < 4; j++) {
                pixels[i * 4 + j] = (float) (labels[i] + 0.1 * ((i * 7 + j * 3) % 5) - 0.2);
            }
        }
        Schema schema = new Schema(List.of("p0", "p1", "p2", "p3"), "label", List.of("dark", "bright"), List.of(1, 2, 2));
        return LoadedData.single(Dataset.ofFloats(pixels, labels, schema));
    }
}
