package dev.grove.neural.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Split;
import dev.grove.api.data.Splits;
import dev.grove.api.run.RunContext;
import dev.grove.tensor.Rng;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mnist source on the real t10k files of the repository and on small hand-made IDX files. */
class MnistSourceTest {

    private static final Path DATASETS = Path.of("..", "datasets");
    private static final String IMAGES = "mnist-t10k-images-idx3-ubyte.gz";
    private static final String LABELS = "mnist-t10k-labels-idx1-ubyte.gz";
    private static final RunContext CONTEXT = RunContext.withSeed(1);

    private static Dataset t10k;

    @BeforeAll
    static void loadTheTestSet() {
        t10k = load(MnistParams.of(DATASETS.resolve(IMAGES).toString(), DATASETS.resolve(LABELS).toString()));
    }

    private static Dataset load(MnistParams params) {
        return new MnistSource(params).load(CONTEXT).data();
    }

    /** The decompressed bytes of a file of the repository, read without any code under test. */
    private static byte[] rawBytes(String name) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DATASETS.resolve(name)))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theT10kSetHasTenThousandDigitsStartingWithASeven() {
        assertThat(t10k.rows()).isEqualTo(10_000);
        assertThat(t10k.storesFloats()).isTrue();
        assertThat(t10k.schema().sampleShape()).containsExactly(1, 28, 28);
        assertThat(t10k.schema().featureNames()).hasSize(784);
        assertThat(t10k.schema().featureNames().get(0)).isEqualTo("pixel-0");
        assertThat(t10k.schema().featureNames().get(783)).isEqualTo("pixel-783");
        assertThat(t10k.schema().targetName()).isEqualTo("digit");
        assertThat(t10k.schema().classLabels()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        // The well-known first labels of the MNIST test set, and its published class counts.
        assertThat(Arrays.copyOf(t10k.labels(), 5)).containsExactly(7, 2, 1, 0, 4);
        int[] counts = new int[10];
        for (int label : t10k.labels()) {
            counts[label]++;
        }
        assertThat(counts).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
    }

    @Test
    void unitScaledPixelsAreTheRawBytesOver255() throws IOException {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        float[] all = t10k.rowsAsFloats(IntStream.range(0, t10k.rows()).toArray(), new float[t10k.rows() * 784]);
        for (float v : all) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
        // Image 1234, row 14, column 14, read straight from the gzip file: the header is 16 bytes.
        byte[] raw;
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(DATASETS.resolve(IMAGES))))) {
            assertThat(in.readInt()).isEqualTo(0x803);
            assertThat(in.readInt()).isEqualTo(10_000);
            assertThat(in.readInt()).isEqualTo(28);
            assertThat(in.readInt()).isEqualTo(28);
            raw = in.readAllBytes();
        }
        int image = 1234;
        int pixel = 14 * 28 + 14;
        int value = raw[image * 784 + pixel] & 0xff;
        assertThat(value).as("a pixel in the middle of a digit is ink").isGreaterThan(0);
        assertThat(t10k.feature(image, pixel)).isEqualTo((float) (value / 255.0));
        // And the whole last image, byte for byte.
        for (int j = 0; j < 784; j++) {
            assertThat(t10k.feature(9_999, j)).isEqualTo((float) ((raw[9_999 * 784 + j] & 0xff) / 255.0));
        }
    }

    @Test
    void scaleNoneKeepsBytesAndStandardCentresAllPixels() {
        String images = DATASETS.resolve(IMAGES).toString();
        String labels = DATASETS.resolve(LABELS).toString();
        Dataset none = load(MnistParams.of(images, labels).withScale("none").withLimit(500));
        Dataset standard = load(MnistParams.of(images, labels).withScale("standard").withLimit(500));
        byte[] raw = rawBytes(IMAGES);
        double sum = 0;
        double squares = 0;
        int n = 500 * 784;
        for (int i = 0; i < n; i++) {
            sum += (raw[16 + i] & 0xff) / 255.0;
            squares += Math.pow((raw[16 + i] & 0xff) / 255.0, 2);
        }
        double mean = sum / n;
        double std = Math.sqrt(squares / n - mean * mean);
        assertThat(none.feature(7, 300)).isEqualTo((float) (raw[16 + 7 * 784 + 300] & 0xff));
        for (int j = 200; j < 210; j++) {
            double unit = (raw[16 + 3 * 784 + j] & 0xff) / 255.0;
            assertThat(standard.feature(3, j)).isCloseTo((unit - mean) / std, within(1e-5));
        }
    }

    @Test
    void limitLoadsTheFirstImagesOnly() {
        Dataset first = load(MnistParams.of(DATASETS.resolve(IMAGES).toString(), DATASETS.resolve(LABELS).toString())
                .withLimit(100));
        assertThat(first.rows()).isEqualTo(100);
        assertThat(first.labels()).containsExactly(Arrays.copyOf(t10k.labels(), 100));
        assertThat(first.feature(99, 400)).isEqualTo(t10k.feature(99, 400));
    }

    @Test
    void anUnstratifiedUnshuffledSplitOf2000TestsOnTheLast2000Images() {
        // split: {test: 2000, stratify: false, shuffle: false}, as the runtime calls it.
        Split split = Splits.split(t10k, 2000, 0, false, false, new Rng(1));
        assertThat(split.test()).containsExactly(IntStream.range(8_000, 10_000).toArray());
        assertThat(split.train()).containsExactly(IntStream.range(0, 8_000).toArray());
        // The runtime stratifies class data by default, which takes the last rows of each class instead.
        Split stratified = Splits.split(t10k, 2000, 0, true, false, new Rng(1));
        assertThat(stratified.test()).hasSize(2000).isNotEqualTo(split.test());
    }

    // Small hand-made files.

    private static byte[] idxImages(int magic, int count, int rows, int columns, int pixelBytes) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixelBytes);
        b.putInt(magic).putInt(count).putInt(rows).putInt(columns);
        for (int i = 0; i < pixelBytes; i++) {
            b.put((byte) (i * 37 + 11));
        }
        return b.array();
    }

    private static byte[] idxLabels(int magic, int count, int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(magic).putInt(count);
        for (int label : labels) {
            b.put((byte) label);
        }
        return b.array();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** Writes the pair (gzipped when asked, under names that do not say so) and loads it. */
    private static Dataset loadPair(Path dir, byte[] images, byte[] labels, boolean gzip) throws IOException {
        Path imageFile = Files.write(dir.resolve("images.idx"), gzip ? gzip(images) : images);
        Path labelFile = Files.write(dir.resolve("labels.idx"), gzip ? gzip(labels) : labels);
        return load(MnistParams.of(imageFile.toString(), labelFile.toString()).withScale("none"));
    }

    @ParameterizedTest(name = "gzip {0}")
    @ValueSource(booleans = {false, true})
    void smallFilesOfAnySizeParseTheSameGzipOrNot(boolean gzip, @TempDir Path dir) throws IOException {
        Dataset d = loadPair(dir, idxImages(0x803, 3, 2, 3, 18), idxLabels(0x801, 3, 4, 0, 9), gzip);
        assertThat(d.rows()).isEqualTo(3);
        assertThat(d.schema().sampleShape()).containsExactly(1, 2, 3);
        assertThat(d.labels()).containsExactly(4, 0, 9);
        // Image 2, pixel 5 is byte 2·6 + 5 = 17 of the pixel data: 17·37 + 11 = 640 → 640 mod 256 = 128.
        assertThat(d.feature(2, 5)).isEqualTo(128f);
        assertThat(d.feature(0, 0)).isEqualTo(11f);
    }

    @ParameterizedTest(name = "gzip {0}")
    @ValueSource(booleans = {false, true})
    void truncatedImagesNameTheImageWhereTheFileEnds(boolean gzip, @TempDir Path dir) throws IOException {
        // 4 images of 2×2 need 16 pixel bytes; 9 hold images 0 and 1 and part of image 2.
        assertThatThrownBy(() -> loadPair(dir, idxImages(0x803, 4, 2, 2, 9), idxLabels(0x801, 4, 1, 2, 3, 4), gzip))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mnist images")
                .hasMessageContaining("images.idx")
                .hasMessageContaining("truncated at image 2")
                .hasMessageContaining("the file has 25 bytes")
                .hasMessageContaining("32 bytes");
    }

    @ParameterizedTest(name = "gzip {0}")
    @ValueSource(booleans = {false, true})
    void wrongMagicNumbersAreNamed(boolean gzip, @TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> loadPair(dir, idxLabels(0x801, 2, 1, 2), idxImages(0x803, 2, 1, 1, 2), gzip))
                .hasMessageContaining("mnist images")
                .hasMessageContaining("wrong magic number 0x00000801, expected 0x00000803")
                .hasMessageContaining("swapped");
        assertThatThrownBy(() -> loadPair(dir, idxImages(0x0803, 2, 1, 1, 2), idxLabels(0x0802, 2, 1, 2), gzip))
                .hasMessageContaining("mnist labels")
                .hasMessageContaining("wrong magic number 0x00000802, expected 0x00000801");
    }

    @Test
    void countsMustAgreeAndFilesMustEndWhereTheHeaderSays(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> loadPair(dir, idxImages(0x803, 3, 1, 2, 6), idxLabels(0x801, 2, 1, 2), false))
                .hasMessageContaining("holds 3 images but the labels file")
                .hasMessageContaining("holds 2 labels");
        assertThatThrownBy(() -> loadPair(dir, idxImages(0x803, 2, 1, 2, 5), idxLabels(0x801, 2, 1, 2), true))
                .hasMessageContaining("1 bytes after the last image");
        assertThatThrownBy(() -> loadPair(dir, idxImages(0x803, 3, 1, 2, 6), idxLabels(0x801, 3, 1, 2), false))
                .hasMessageContaining("mnist labels")
                .hasMessageContaining("truncated at label 2");
        assertThatThrownBy(() -> loadPair(dir, idxImages(0x803, 2, 1, 2, 4), idxLabels(0x801, 2, 3, 10), false))
                .hasMessageContaining("label 1 (counting from 0) is 10, expected a class index 0 to 9");
        assertThatThrownBy(() -> loadPair(dir, idxImages(0x803, 0, 1, 2, 0), idxLabels(0x801, 0), false))
                .hasMessageContaining("image count is 0, expected at least 1");
    }

    @Test
    void aCutGzipStreamIsReportedAsTruncated(@TempDir Path dir) throws IOException {
        byte[] whole = gzip(idxImages(0x803, 50, 4, 4, 800));
        Path images = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(whole, whole.length / 2));
        Path labels = Files.write(dir.resolve("labels"), idxLabels(0x801, 1, 1));
        assertThatThrownBy(() -> load(MnistParams.of(images.toString(), labels.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cut.gz")
                .hasMessageContaining("gzip data is truncated");
    }

    @Test
    void aMissingFileNamesThePlacesLookedAt(@TempDir Path dir) {
        RunContext context = RunContext.builder(1).baseDirectory(dir).build();
        MnistSource source = new MnistSource(MnistParams.of("no-such-images.gz", "no-such-labels.gz"));
        assertThatThrownBy(() -> source.load(context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mnist images 'no-such-images.gz': file not found (looked at ")
                .hasMessageContaining(Path.of("no-such-images.gz").toAbsolutePath().toString())
                .hasMessageContaining(dir.resolve("no-such-images.gz").toString());
    }

    @Test
    void paramsRequireBothFiles() {
        assertThatThrownBy(() -> new MnistParams(null, "labels", "unit", 0)).hasMessageStartingWith("images is required");
        assertThatThrownBy(() -> new MnistParams("images", " ", "unit", 0)).hasMessageStartingWith("labels is required");
        assertThatThrownBy(() -> new MnistParams("images", "labels", "minmax", 0)).hasMessageStartingWith("scale must be one of");
        assertThatThrownBy(() -> new MnistParams("images", "labels", "unit", -1)).hasMessageStartingWith("limit must be >= 0");
    }
}
