package dev.grove.generative.gan;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.neural.layer.ActivationSpec;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.LeakyReluParams;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Small image data for fast GAN tests: 1 × 4 × 4 images of two classes, "left" (the two left columns
 * bright, about 0.9, the others dark, about 0.1) and "right" (mirrored), with a little noise.
 */
final class TinyImages {

    static final int SIDE = 4;

    private TinyImages() {
    }

    /** The schema of {@link #data}: pixels p0..p15, target "side", classes left and right, shape [1, 4, 4]. */
    static Schema schema() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < SIDE * SIDE; i++) {
            names.add("p" + i);
        }
        return new Schema(names, "side", List.of("left", "right"), List.of(1, SIDE, SIDE));
    }

    /** {@code rows} images, classes alternating left, right, ... */
    static Dataset data(int rows, long seed) {
        Rng rng = new Rng(seed);
        float[] pixels = new float[rows * SIDE * SIDE];
        double[] targets = new double[rows];
        for (int r = 0; r < rows; r++) {
            int side = r % 2;
            targets[r] = side;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean bright = side == 0 ? x < SIDE / 2 : x >= SIDE / 2;
                    float noise = (float) (rng.nextDouble() * 0.2 - 0.1);
                    pixels[r * SIDE * SIDE + y * SIDE + x] = (bright ? 0.9f : 0.1f) + noise;
                }
            }
        }
        return Dataset.ofFloats(pixels, targets, schema());
    }

    /** Mean of the left half minus mean of the right half of a 4 × 4 image. */
    static double leftMinusRight(float[] image) {
        double left = 0;
        double right = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                if (x < SIDE / 2) {
                    left += image[y * SIDE + x];
                } else {
                    right += image[y * SIDE + x];
                }
            }
        }
        return (left - right) / (SIDE * SIDE / 2);
    }

    /** A small conditional GAN for these images that learns them in a few hundred steps. */
    static GanParams conditionalGan(int epochs) {
        List<LayerSpec> generator = List.of(new DenseSpec(DenseParams.of(32, "linear")),
                ActivationSpec.leakyRelu(new LeakyReluParams(0.2)));
        List<LayerSpec> discriminator = List.of(new DenseSpec(DenseParams.of(32, "linear")),
                ActivationSpec.leakyRelu(new LeakyReluParams(0.2)));
        Adam adam = new Adam(new AdamParams(2e-3, 0.5, 0.999, 1e-8, 0));
        return GanParams.of(generator, discriminator).withLatentDim(4).withConditional(true).withEpochs(epochs)
                .withBatchSize(32).withOptimizers(adam, adam);
    }
}
