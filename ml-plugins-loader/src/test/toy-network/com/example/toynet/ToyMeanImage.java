package com.example.toynet;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ArtifactWriter;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.SelfEvaluating;
import dev.grove.api.run.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A "generative model" that learns the mean image: it scores a split by the mean squared distance
 * of its rows to that image (its own figure) and writes the image as text (its artifact).
 */
public record ToyMeanImage() implements Estimator<ToyMeanImage.Model> {

    @Override
    public Model fit(Dataset data, RunContext context) {
        double[] mean = new double[data.featureCount()];
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += data.feature(i, j) / data.rows();
            }
        }
        return new Model(data.schema(), mean);
    }

    /** The mean image. */
    public record Model(Schema schema, double[] mean) implements SelfEvaluating, ArtifactWriter {

        static Model restore(Schema schema, ModelState state) {
            return new Model(schema, state.doubles("mean", schema.featureCount()));
        }

        @Override
        public ModelState state() {
            return ModelState.builder().put("mean", mean, mean.length).build();
        }

        @Override
        public Map<String, Double> evaluate(Dataset data, long seed) {
            double total = 0;
            for (int i = 0; i < data.rows(); i++) {
                for (int j = 0; j < mean.length; j++) {
                    double d = data.feature(i, j) - mean[j];
                    total += d * d;
                }
            }
            return Map.of("mean-squared-distance", total / data.rows());
        }

        @Override
        public List<String> writeArtifacts(Dataset data, Path directory, long seed) throws IOException {
            Files.writeString(directory.resolve("mean-image.txt"), Arrays.toString(mean) + " shown " + data.rows());
            return List.of("mean-image.txt");
        }
    }
}
