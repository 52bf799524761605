package dev.grove.neural.data;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of the {@code mnist} data source (see {@link MnistSource}).
 *
 * @param images the IDX file of the images ({@code *-images-idx3-ubyte}, gzip or not)
 * @param labels the IDX file of the labels ({@code *-labels-idx1-ubyte}, gzip or not)
 * @param scale  {@code unit} (pixels / 255), {@code none} (0–255) or {@code standard} (see {@link MnistSource})
 * @param limit  load only the first this many images, 0 for all
 */
public record MnistParams(
        @Doc("IDX file of the images (e.g. datasets/mnist-t10k-images-idx3-ubyte.gz), gzip or not; relative paths"
                + " are looked up in the working directory, the experiment's folder, then the data directory (GROVE_DATA)")
        String images,
        @Doc("IDX file of the labels (e.g. datasets/mnist-t10k-labels-idx1-ubyte.gz), gzip or not; looked up like images")
        String labels,
        @Doc("Pixel scaling: unit (value / 255, in [0, 1]), none (0 to 255) or standard (value / 255, then minus the mean"
                + " and divided by the standard deviation of all loaded pixels)")
        @Default("unit") @OneOf({"unit", "none", "standard"}) String scale,
        @Doc("Load only the first this many images (in file order); 0 loads all")
        @Default("0") @Min(0) int limit) {

    /** Validates every param. */
    public MnistParams {
        images = required("images", images);
        labels = required("labels", labels);
        Params.oneOf("scale", scale, PixelScale.NAMES);
        Params.atLeast("limit", limit, 0, false);
    }

    /** The images and labels files with the defaults: unit scale, all images. */
    public static MnistParams of(String images, String labels) {
        return new MnistParams(images, labels, "unit", 0);
    }

    /** These params with another scale. */
    public MnistParams withScale(String newScale) {
        return new MnistParams(images, labels, newScale, limit);
    }

    /** These params loading only the first {@code rows} images (0 for all). */
    public MnistParams withLimit(int rows) {
        return new MnistParams(images, labels, scale, rows);
    }

    private static String required(String name, String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException(name + " is required: the path of the IDX " + name + " file");
        }
        return path;
    }
}
