package dev.grove.neural.data;

import dev.grove.api.data.DataSource;
import dev.grove.api.data.Dataset;
import dev.grove.api.data.LoadedData;
import dev.grove.api.run.RunContext;
import java.util.List;
import java.util.Objects;

/**
 * The {@code cifar10} data source: CIFAR-10 binary files (records of one label byte 0–9, then 3,072
 * pixel bytes: 1,024 red, 1,024 green, 1,024 blue, each plane row-major 32×32), gzip or not (told by
 * the gzip magic bytes), one file split by the run or a fixed train/test pair. A file whose length
 * is not a multiple of 3,073 or with a label above 9 is rejected, naming the record at fault.
 *
 * <p>Each image is a float32 sample of shape {@code [3, 32, 32]} (red, green, blue planes), features
 * {@code pixel-0 … pixel-3071} in that order (pixel {@code c × 1024 + row × 32 + column}), target
 * {@code label} with class labels airplane, automobile, bird, cat, deer, dog, frog, horse, ship,
 * truck. Pixels are scaled by {@code scale}: {@code unit} (the default) gives {@code (float) (value /
 * 255.0)}, {@code none} the byte values 0–255, {@code standard} per channel the unit value minus the
 * mean and divided by the standard deviation (population, float64 sums) of that channel's unit
 * values over the loaded images of the training file of a pair (applied to both files), or of the
 * one file.
 */
public final class Cifar10Source implements DataSource {

    /** The name of the target. */
    public static final String TARGET = "label";
    /** The sample shape: channels, rows, columns. */
    public static final List<Integer> SAMPLE_SHAPE = List.of(CifarFormat.CHANNELS, CifarFormat.SIDE, CifarFormat.SIDE);

    private final Cifar10Params params;

    /** A source reading what {@code params} say. */
    public Cifar10Source(Cifar10Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The class labels, in label order: airplane, automobile, …, truck. */
    public static List<String> classLabels() {
        return CifarFormat.LABELS;
    }

    @Override
    public LoadedData load(RunContext context) {
        PixelScale scale = PixelScale.named(params.scale());
        if (params.path() != null) {
            DataFile file = DataFile.read(context, params.path(), "cifar10");
            float[] pixels = pixels(file, scale);
            if (scale == PixelScale.STANDARD) {
                standardiser(pixels, file).apply(pixels);
            }
            return LoadedData.single(dataset(file, pixels));
        }
        DataFile train = DataFile.read(context, params.train(), "cifar10 train");
        DataFile test = DataFile.read(context, params.test(), "cifar10 test");
        float[] trainPixels = pixels(train, scale);
        float[] testPixels = pixels(test, scale);
        if (scale == PixelScale.STANDARD) {
            // Measured on the training images only: test data never trains anything, scaling included.
            ChannelStandardiser standardiser = standardiser(trainPixels, train);
            standardiser.apply(trainPixels);
            standardiser.apply(testPixels);
        }
        return new LoadedData(dataset(train, trainPixels), dataset(test, testPixels));
    }

    /** The params this source reads with. */
    public Cifar10Params params() {
        return params;
    }

    private float[] pixels(DataFile file, PixelScale scale) {
        int rows = ImageDatasets.rowsToLoad(CifarFormat.records(file), params.limit());
        return ImageDatasets.pixels(file.bytes(), 1, CifarFormat.RECORD, CifarFormat.PIXELS, rows, scale.table());
    }

    private static ChannelStandardiser standardiser(float[] pixels, DataFile file) {
        return ChannelStandardiser.fit(pixels, CifarFormat.CHANNELS, CifarFormat.SIDE * CifarFormat.SIDE,
                "cifar10 " + file.path());
    }

    private static Dataset dataset(DataFile file, float[] pixels) {
        int rows = pixels.length / CifarFormat.PIXELS;
        double[] labels = new double[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = file.unsignedAt(i * CifarFormat.RECORD);
        }
        return ImageDatasets.of(pixels, labels, SAMPLE_SHAPE, TARGET, CifarFormat.LABELS);
    }
}
