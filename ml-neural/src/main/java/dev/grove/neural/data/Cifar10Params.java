package dev.grove.neural.data;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of the {@code cifar10} data source (see {@link Cifar10Source}). Either {@code path} (one
 * file, split by the run) or both {@code train} and {@code test} (a fixed pair) must be given; blank
 * strings count as absent.
 *
 * @param path  one CIFAR-10 binary file, gzip or not
 * @param train the training file of a fixed train/test pair
 * @param test  the test file of a fixed train/test pair
 * @param scale {@code unit} (pixels / 255), {@code none} (0–255) or {@code standard} (see {@link Cifar10Source})
 * @param limit load only the first this many images of each file, 0 for all
 */
public record Cifar10Params(
        @Doc("One CIFAR-10 binary file (records of 1 label byte + 3072 pixel bytes), gzip or not; give either path or"
                + " train and test. Relative paths are looked up in the working directory, the experiment's folder, then"
                + " the data directory (GROVE_DATA)")
        @Default("null") String path,
        @Doc("Training file of a fixed train/test pair, e.g. cifar10-train-10k.bin.gz (needs test)")
        @Default("null") String train,
        @Doc("Test file of a fixed train/test pair, e.g. cifar10-test.bin.gz (needs train)")
        @Default("null") String test,
        @Doc("Pixel scaling: unit (value / 255, in [0, 1]), none (0 to 255) or standard (value / 255, then per channel"
                + " minus the mean and divided by the standard deviation of the loaded training pixels)")
        @Default("unit") @OneOf({"unit", "none", "standard"}) String scale,
        @Doc("Load only the first this many images (in file order) of each file; 0 loads all")
        @Default("0") @Min(0) int limit) {

    /** Validates the combination of params; blank strings become null. */
    public Cifar10Params {
        path = absentIfBlank(path);
        train = absentIfBlank(train);
        test = absentIfBlank(test);
        if (path != null && (train != null || test != null)) {
            throw new IllegalArgumentException("path must be absent when train and test are given, got path '" + path
                    + "' and " + (train != null ? "train '" + train + "'" : "test '" + test + "'"));
        }
        if (path == null && (train == null) != (test == null)) {
            throw new IllegalArgumentException((train == null ? "train" : "test") + " is required together with "
                    + (train == null ? "test" : "train") + " (a fixed train/test pair needs both files)");
        }
        if (path == null && train == null) {
            throw new IllegalArgumentException("path is required unless train and test are given");
        }
        Params.oneOf("scale", scale, PixelScale.NAMES);
        Params.atLeast("limit", limit, 0, false);
    }

    /** One file, split by the run; unit scale, all images. */
    public static Cifar10Params of(String path) {
        return new Cifar10Params(path, null, null, "unit", 0);
    }

    /** A fixed train/test pair; unit scale, all images. */
    public static Cifar10Params trainTest(String train, String test) {
        return new Cifar10Params(null, train, test, "unit", 0);
    }

    /** These params with another scale. */
    public Cifar10Params withScale(String newScale) {
        return new Cifar10Params(path, train, test, newScale, limit);
    }

    /** These params loading only the first {@code rows} images of each file (0 for all). */
    public Cifar10Params withLimit(int rows) {
        return new Cifar10Params(path, train, test, scale, rows);
    }

    private static String absentIfBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
