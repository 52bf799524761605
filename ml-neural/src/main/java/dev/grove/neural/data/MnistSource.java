package dev.grove.neural.data;

import dev.grove.api.data.DataSource;
import dev.grove.api.data.Dataset;
import dev.grove.api.data.LoadedData;
import dev.grove.api.run.RunContext;
import java.util.List;
import java.util.Objects;

/**
 * The {@code mnist} data source: a pair of IDX files, the images and their labels, each gzip or not
 * (told by the gzip magic bytes, not the name). Both are checked strictly: magic numbers
 * ({@code 0x00000803} for images, {@code 0x00000801} for labels), positive sizes, equal counts,
 * lengths exactly as the headers say, labels 0–9; an error names the file and what is wrong (for
 * instance the image where a truncated file ends). The result is one float32 dataset, split by the
 * run: features {@code pixel-0 … pixel-783} (row-major), sample shape {@code [1, 28, 28]} (for
 * other image sizes {@code [1, rows, columns]}), target {@code digit} with class labels
 * {@code "0" … "9"}.
 *
 * <p>Pixels are scaled by {@code scale}: {@code unit} (the default) gives {@code (float) (value /
 * 255.0)}, what {@code torch.tensor(bytes / 255.0, dtype=float32)} gives; {@code none} the byte
 * values 0–255; {@code standard} the unit value minus the mean and divided by the standard
 * deviation (population, float64 sums) of all unit values of every loaded image, including those
 * the run's split later holds out for testing.
 *
 * <p>The MNIST test set ({@code datasets/mnist-t10k-*}) split as the course does, training on the
 * first 8,000 images and testing on the last 2,000: {@code split: {test: 2000, stratify: false,
 * shuffle: false}}.
 */
public final class MnistSource implements DataSource {

    /** The name of the target. */
    public static final String TARGET = "digit";
    /** The class labels, in label order. */
    public static final List<String> CLASS_LABELS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private final MnistParams params;

    /** A source reading what {@code params} say. */
    public MnistSource(MnistParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public LoadedData load(RunContext context) {
        DataFile images = DataFile.read(context, params.images(), "mnist images");
        DataFile labels = DataFile.read(context, params.labels(), "mnist labels");
        IdxFormat.ImageSizes sizes = IdxFormat.images(images);
        int labelCount = IdxFormat.labels(labels, CLASS_LABELS.size());
        if (labelCount != sizes.count()) {
            throw new IllegalArgumentException("mnist: the images file " + images.path() + " holds " + sizes.count()
                    + " images but the labels file " + labels.path() + " holds " + labelCount
                    + " labels; they must be the two files of one set");
        }
        int rows = ImageDatasets.rowsToLoad(sizes.count(), params.limit());
        PixelScale scale = PixelScale.named(params.scale());
        float[] pixels = ImageDatasets.pixels(images.bytes(), IdxFormat.IMAGES_HEADER, sizes.pixels(), sizes.pixels(),
                rows, scale.table());
        if (scale == PixelScale.STANDARD) {
            ChannelStandardiser.fit(pixels, 1, sizes.pixels(), "mnist " + images.path()).apply(pixels);
        }
        double[] digits = new double[rows];
        for (int i = 0; i < rows; i++) {
            digits[i] = labels.unsignedAt(IdxFormat.LABELS_HEADER + i);
        }
        List<Integer> shape = List.of(1, sizes.rows(), sizes.columns());
        Dataset data = ImageDatasets.of(pixels, digits, shape, TARGET, CLASS_LABELS);
        return LoadedData.single(data);
    }

    /** The params this source reads with. */
    public MnistParams params() {
        return params;
    }
}
