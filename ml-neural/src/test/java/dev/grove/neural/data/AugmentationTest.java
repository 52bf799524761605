package dev.grove.neural.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** random-flip and random-crop on small images whose every pixel is known. */
class AugmentationTest {

    /** {@code rows} samples of shape [channels, height, width], value = sample·1000 + channel·100 + row·10 + column + 1. */
    private static float[] numbered(int rows, int channels, int height, int width) {
        float[] batch = new float[rows * channels * height * width];
        int at = 0;
        for (int s = 0; s < rows; s++) {
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < height; i++) {
                    for (int j = 0; j < width; j++) {
                        batch[at++] = s * 1000 + c * 100 + i * 10 + j + 1;
                    }
                }
            }
        }
        return batch;
    }

    @Test
    void aCertainFlipMirrorsTheColumnsOfEveryChannel() {
        float[] batch = numbered(1, 2, 2, 3);
        new RandomFlip(new RandomFlipParams(1.0)).apply(batch, 1, new int[] {2, 2, 3}, new Rng(1));
        assertThat(batch).containsExactly(
                3, 2, 1,
                13, 12, 11,
                103, 102, 101,
                113, 112, 111);
    }

    @Test
    void eachSampleIsFlippedWhenItsDrawIsBelowP() {
        int rows = 40;
        float[] batch = numbered(rows, 1, 1, 4);
        new RandomFlip(new RandomFlipParams(0.3)).apply(batch, rows, new int[] {1, 1, 4}, new Rng(77));
        Rng draws = new Rng(77);
        int flipped = 0;
        for (int s = 0; s < rows; s++) {
            float base = s * 1000;
            float[] expected = draws.nextDouble() < 0.3
                    ? new float[] {base + 4, base + 3, base + 2, base + 1}
                    : new float[] {base + 1, base + 2, base + 3, base + 4};
            flipped += expected[0] == base + 4 ? 1 : 0;
            assertThat(Arrays.copyOfRange(batch, s * 4, s * 4 + 4)).as("sample %d", s).containsExactly(expected);
        }
        assertThat(flipped).isBetween(1, rows - 1);
        float[] untouched = numbered(3, 1, 2, 2);
        float[] copy = untouched.clone();
        new RandomFlip(new RandomFlipParams(0.0)).apply(untouched, 3, new int[] {1, 2, 2}, new Rng(5));
        assertThat(untouched).containsExactly(copy);
    }

    /** A seed whose first two draws from nextInt(bound) are {@code first} and {@code second}. */
    private static long seedDrawing(int bound, int first, int second) {
        for (long seed = 0; ; seed++) {
            Rng rng = new Rng(seed);
            if (rng.nextInt(bound) == first && rng.nextInt(bound) == second) {
                return seed;
            }
        }
    }

    @Test
    void aCropWithAKnownOffsetIsThatWindowOfTheZeroPaddedImage() {
        // Padding 1: the window's top-left corner in the padded 5×5 image is (dy, dx) in [0, 2]².
        // dy = 0, dx = 2: the window starts one row above the image and one column right of it.
        long seed = seedDrawing(3, 0, 2);
        float[] batch = numbered(1, 2, 3, 3);
        new RandomCrop(new RandomCropParams(1)).apply(batch, 1, new int[] {2, 3, 3}, new Rng(seed));
        assertThat(batch).containsExactly(
                0, 0, 0,
                2, 3, 0,
                12, 13, 0,
                0, 0, 0,
                102, 103, 0,
                112, 113, 0);
        // dy = 2, dx = 0: one row down, one column left.
        float[] other = numbered(1, 1, 3, 3);
        new RandomCrop(new RandomCropParams(1)).apply(other, 1, new int[] {1, 3, 3}, new Rng(seedDrawing(3, 2, 0)));
        assertThat(other).containsExactly(
                0, 11, 12,
                0, 21, 22,
                0, 0, 0);
    }

    /** The crop computed the slow way: build the padded image, then copy the window out of it. */
    private static float[] padThenCut(float[] sample, int channels, int height, int width, int pad, int dy, int dx) {
        int ph = height + 2 * pad;
        int pw = width + 2 * pad;
        float[] out = new float[sample.length];
        for (int c = 0; c < channels; c++) {
            float[][] padded = new float[ph][pw];
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    padded[i + pad][j + pad] = sample[(c * height + i) * width + j];
                }
            }
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    out[(c * height + i) * width + j] = padded[i + dy][j + dx];
                }
            }
        }
        return out;
    }

    @Test
    void everySampleGetsItsOwnWindowDrawnInOrder() {
        int rows = 30;
        int[] shape = {3, 5, 6};
        int size = 3 * 5 * 6;
        float[] batch = numbered(rows, 3, 5, 6);
        float[] original = batch.clone();
        new RandomCrop(new RandomCropParams(2)).apply(batch, rows, shape, new Rng(2024));
        Rng draws = new Rng(2024);
        int unshifted = 0;
        for (int s = 0; s < rows; s++) {
            int dy = draws.nextInt(5);
            int dx = draws.nextInt(5);
            unshifted += dy == 2 && dx == 2 ? 1 : 0;
            float[] expected = padThenCut(Arrays.copyOfRange(original, s * size, (s + 1) * size), 3, 5, 6, 2, dy, dx);
            assertThat(Arrays.copyOfRange(batch, s * size, (s + 1) * size)).as("sample %d", s).containsExactly(expected);
        }
        assertThat(unshifted).isLessThan(rows / 2);
    }

    @Test
    void cropsLargerThanTheImageAndZeroPaddingAreExactToo() {
        // Padding 4 on a 2×3 image: most windows miss the image partly or wholly.
        for (long seed = 0; seed < 20; seed++) {
            float[] batch = numbered(1, 1, 2, 3);
            Rng rng = new Rng(seed);
            new RandomCrop(new RandomCropParams(4)).apply(batch, 1, new int[] {1, 2, 3}, new Rng(seed));
            int dy = rng.nextInt(9);
            int dx = rng.nextInt(9);
            assertThat(batch).containsExactly(padThenCut(numbered(1, 1, 2, 3), 1, 2, 3, 4, dy, dx));
        }
        float[] batch = numbered(2, 1, 3, 3);
        new RandomCrop(new RandomCropParams(0)).apply(batch, 2, new int[] {1, 3, 3}, new Rng(1));
        assertThat(batch).containsExactly(numbered(2, 1, 3, 3));
    }

    @Test
    void theSameStreamGivesTheSameAlterations() {
        Augmentation crop = new RandomCrop(RandomCropParams.defaults());
        Augmentation flip = new RandomFlip(RandomFlipParams.defaults());
        int[] shape = {3, 32, 32};
        float[] a = numbered(8, 3, 32, 32);
        float[] b = numbered(8, 3, 32, 32);
        float[] c = numbered(8, 3, 32, 32);
        for (float[] batch : List.of(a, b)) {
            Rng rng = new Rng(9);
            crop.apply(batch, 8, shape, rng);
            flip.apply(batch, 8, shape, rng);
        }
        Rng other = new Rng(10);
        crop.apply(c, 8, shape, other);
        flip.apply(c, 8, shape, other);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void flatRowsAreRejectedWithAClearMessage() {
        float[] rows = new float[2 * 784];
        assertThatThrownBy(() -> new RandomFlip(RandomFlipParams.defaults()).apply(rows, 2, new int[] {784}, new Rng(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("random-flip applies to images of shape [channels, height, width]")
                .hasMessageContaining("flat rows of 784 features");
        assertThatThrownBy(() -> new RandomCrop(RandomCropParams.defaults()).apply(rows, 2, new int[] {28, 28}, new Rng(1)))
                .hasMessageStartingWith("random-crop applies to images")
                .hasMessageContaining("samples of shape [28, 28]");
        assertThatThrownBy(() -> new RandomCrop(RandomCropParams.defaults()).apply(rows, 3, new int[] {1, 28, 28}, new Rng(1)))
                .hasMessageContaining("needs 2352 values, got 1568");
        assertThatThrownBy(() -> new RandomFlipParams(1.5)).hasMessageStartingWith("p must be <= 1");
        assertThatThrownBy(() -> new RandomCropParams(-1)).hasMessageStartingWith("padding must be >= 0");
    }

    @Test
    void theFamilyRegistersBothSourcesAndBothAugmentations() {
        List<Component<?>> registered = new ArrayList<>();
        ImageSources.register(registered::add);
        assertThat(registered).extracting(Component::name).containsExactly("mnist", "cifar10", "random-flip", "random-crop");
        assertThat(registered).extracting(Component::kind)
                .containsExactly(Kind.DATA_SOURCE, Kind.DATA_SOURCE, Kind.AUGMENTATION, Kind.AUGMENTATION);
        @SuppressWarnings("unchecked")
        Component<RandomCropParams> crop = (Component<RandomCropParams>) registered.get(3);
        assertThat(crop.create(RandomCropParams.defaults())).isInstanceOf(Augmentation.class);
    }
}
