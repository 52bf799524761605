package dev.grove.generative.contrastive;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.FlattenSpec;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny image task for fast tests: 4×4 grey images of four classes, class k bright in quadrant k
 * (north-west, north-east, south-west, south-east) and dim elsewhere, with noise.
 */
final class ToyImages {

    static final List<String> LABELS = List.of("0", "1", "2", "3");
    static final List<String> WORDS = List.of("northwest", "northeast", "southwest", "southeast");

    private ToyImages() {
    }

    /** {@code perClass} images of each class, classes interleaved, noise from {@code seed}. */
    static Dataset of(int perClass, long seed) {
        Rng rng = new Rng(seed);
        int rows = 4 * perClass;
        float[] pixels = new float[rows * 16];
        double[] labels = new double[rows];
        for (int i = 0; i < rows; i++) {
            int k = i % 4;
            labels[i] = k;
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    boolean bright = (y / 2) * 2 + x / 2 == k;
                    pixels[i * 16 + y * 4 + x] = (float) ((bright ? 0.8 : 0.1) + 0.1 * rng.nextDouble());
                }
            }
        }
        return Dataset.ofFloats(pixels, labels, schema(List.of(1, 4, 4)));
    }

    static Schema schema(List<Integer> shape) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < shape.stream().reduce(1, (a, b) -> a * b); i++) {
            names.add("pixel-" + i);
        }
        return new Schema(names, "label", LABELS, shape);
    }

    /** Small encoders (tanh, so gradient checks stay away from kinks), Adam at 0.01, 15 epochs of 16 pairs. */
    static ClipParams params() {
        return ClipParams.defaults()
                .withImageEncoder(List.of(new FlattenSpec(), new DenseSpec(DenseParams.of(16, "tanh"))))
                .withTextEncoder(List.of(new DenseSpec(DenseParams.of(16, "tanh"))))
                .withDims(8, 8)
                .withClassWords(WORDS)
                .withOptimizer(new Adam(new AdamParams(0.01, 0.9, 0.999, 1e-8, 0)))
                .withTraining(15, 16);
    }
}
