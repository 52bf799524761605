package dev.grove.generative.autoencoder;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.tensor.Rng;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small image data for fast tests: 4x4 grey images of three patterns (the left, right or top half
 * bright, at 0.9, the rest dark, at 0.05) with a little uniform jitter, labelled by pattern.
 */
final class TinyImages {

    static final List<String> PATTERNS = List.of("left", "right", "top");
    static final int SIDE = 4;

    private TinyImages() {
    }

    /** {@code rows} images, patterns in turn, jitter from {@code seed}. */
    static Dataset patterns(int rows, long seed) {
        Rng rng = new Rng(seed);
        float[] pixels = new float[rows * SIDE * SIDE];
        double[] labels = new double[rows];
        for (int r = 0; r < rows; r++) {
            int pattern = r % PATTERNS.size();
            labels[r] = pattern;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean bright = switch (pattern) {
                        case 0 -> x < SIDE / 2;
                        case 1 -> x >= SIDE / 2;
                        default -> y < SIDE / 2;
                    };
                    pixels[r * SIDE * SIDE + y * SIDE + x] = (bright ? 0.9f : 0.05f) + (float) (0.05 * rng.nextDouble());
                }
            }
        }
        return Dataset.ofFloats(pixels, labels, schema(SIDE, true));
    }

    /** {@code rows} images of {@code side}x{@code side} pixels all equal to {@code value}, without targets. */
    static Dataset uniform(int rows, int side, float value) {
        float[] pixels = new float[rows * side * side];
        Arrays.fill(pixels, value);
        return Dataset.ofFloats(pixels, null, schema(side, false));
    }

    static Schema schema(int side, boolean labelled) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < side * side; i++) {
            names.add("pixel-" + i);
        }
        return new Schema(names, labelled ? "pattern" : null, labelled ? PATTERNS : List.of(), List.of(1, side, side));
    }

    static LayerSpec dense(int units, String activation) {
        return new DenseSpec(DenseParams.of(units, activation));
    }

    /** The width and height of a PNG, from its header chunk. */
    static int[] pngSize(byte[] png) {
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        return new int[] {header.getInt(), header.getInt()};
    }

    /** The mean of the pixels of column range [x0, x1) and row range [y0, y1) over all images of a batch. */
    static double regionMean(float[] images, int count, int x0, int x1, int y0, int y1) {
        double total = 0;
        int n = 0;
        for (int i = 0; i < count; i++) {
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    total += images[i * SIDE * SIDE + y * SIDE + x];
                    n++;
                }
            }
        }
        return total / n;
    }
}
