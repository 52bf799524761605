package dev.grove.neural.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.LoadedData;
import dev.grove.api.run.RunContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cifar10 source on generated CIFAR-format files, and on the shared real files when the data directory has them. */
class Cifar10SourceTest {

    private static final int RECORD = 3073;
    private static final RunContext CONTEXT = RunContext.withSeed(1);

    /**
     * Three records with labels 3 (cat), 0 (airplane), 9 (truck). Record r's red plane is all
     * 10 + r, green all 100 + r, blue all 200 + r, except red (0, 1) = 1, green (31, 0) = 2 and
     * blue (5, 7) = 3.
     */
    private static byte[] threeImages() {
        byte[] b = new byte[3 * RECORD];
        int[] labels = {3, 0, 9};
        for (int r = 0; r < 3; r++) {
            int at = r * RECORD;
            b[at] = (byte) labels[r];
            for (int i = 0; i < 1024; i++) {
                b[at + 1 + i] = (byte) (10 + r);
                b[at + 1 + 1024 + i] = (byte) (100 + r);
                b[at + 1 + 2048 + i] = (byte) (200 + r);
            }
            b[at + 1 + 1] = 1;
            b[at + 1 + 1024 + 31 * 32] = 2;
            b[at + 1 + 2048 + 5 * 32 + 7] = 3;
        }
        return b;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static LoadedData load(Cifar10Params params) {
        return new Cifar10Source(params).load(CONTEXT);
    }

    @ParameterizedTest(name = "gzip {0}")
    @ValueSource(booleans = {false, true})
    void recordsBecomeChannelFirstImagesWithNamedClasses(boolean gzip, @TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("batch.bin"), gzip ? gzip(threeImages()) : threeImages());
        LoadedData loaded = load(Cifar10Params.of(file.toString()).withScale("none"));
        assertThat(loaded.hasFixedTest()).isFalse();
        Dataset d = loaded.data();
        assertThat(d.rows()).isEqualTo(3);
        assertThat(d.schema().sampleShape()).containsExactly(3, 32, 32);
        assertThat(d.schema().featureNames()).hasSize(3072);
        assertThat(d.schema().targetName()).isEqualTo("label");
        assertThat(d.schema().classLabels()).containsExactly("airplane", "automobile", "bird", "cat", "deer", "dog",
                "frog", "horse", "ship", "truck");
        assertThat(d.labels()).containsExactly(3, 0, 9);
        assertThat(d.schema().classLabels().get(d.label(0))).isEqualTo("cat");
        for (int r = 0; r < 3; r++) {
            // Feature index = channel × 1024 + row × 32 + column.
            assertThat(d.feature(r, 0)).isEqualTo(10f + r);
            assertThat(d.feature(r, 1)).isEqualTo(1f);
            assertThat(d.feature(r, 1023)).isEqualTo(10f + r);
            assertThat(d.feature(r, 1024)).isEqualTo(100f + r);
            assertThat(d.feature(r, 1024 + 31 * 32)).isEqualTo(2f);
            assertThat(d.feature(r, 2048 + 5 * 32 + 7)).isEqualTo(3f);
            assertThat(d.feature(r, 3071)).isEqualTo(200f + r);
        }
    }

    @Test
    void unitScaleDividesBy255AndLimitKeepsTheFirstRecords(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("batch.bin"), threeImages());
        Dataset d = load(Cifar10Params.of(file.toString()).withLimit(2)).data();
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.labels()).containsExactly(3, 0);
        assertThat(d.feature(1, 2048)).isEqualTo((float) (201 / 255.0));
    }

    @Test
    void aTrainTestPairIsAFixedTestSetStandardisedWithTheTrainingStatistics(@TempDir Path dir) throws IOException {
        Path train = Files.write(dir.resolve("train.bin"), threeImages());
        byte[] testBytes = new byte[RECORD];
        testBytes[0] = 5;
        for (int i = 1; i < RECORD; i++) {
            testBytes[i] = (byte) 150;
        }
        Path test = Files.write(dir.resolve("test.bin.gz"), gzip(testBytes));
        LoadedData loaded = load(Cifar10Params.trainTest(train.toString(), test.toString()).withScale("standard"));
        assertThat(loaded.hasFixedTest()).isTrue();
        assertThat(loaded.test().rows()).isEqualTo(1);
        assertThat(loaded.test().labels()).containsExactly(5);
        // Green channel of the training images, in 0–255 units: 1023 pixels of 100 + r and one of 2,
        // for r = 0, 1, 2 (the unit scale divides mean and deviation alike by 255).
        double sum = 0;
        double squares = 0;
        for (int r = 0; r < 3; r++) {
            sum += 1023.0 * (100 + r) + 2;
            squares += 1023.0 * (100 + r) * (100 + r) + 4;
        }
        double mean = sum / 3072;
        double std = Math.sqrt(squares / 3072 - mean * mean);
        assertThat(loaded.test().feature(0, 1024)).isCloseTo((150 - mean) / std, within(1e-4));
        assertThat(loaded.data().feature(1, 1025)).isCloseTo((101 - mean) / std, within(1e-4));
    }

    @Test
    void badFilesAreRejectedWithTheRecordAtFault(@TempDir Path dir) throws IOException {
        byte[] cut = Arrays.copyOf(threeImages(), 2 * RECORD + 100);
        Path cutFile = Files.write(dir.resolve("cut.bin"), cut);
        assertThatThrownBy(() -> load(Cifar10Params.of(cutFile.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cut.bin")
                .hasMessageContaining(6246 + " bytes is not a multiple of 3073")
                .hasMessageContaining("record 2 (counting from 0) is cut short after 100 bytes");
        Path cutGzip = Files.write(dir.resolve("cut.gz"), gzip(cut));
        assertThatThrownBy(() -> load(Cifar10Params.of(cutGzip.toString())))
                .hasMessageContaining("(gzip; sizes are decompressed)")
                .hasMessageContaining("not a multiple of 3073");
        byte[] badLabel = threeImages();
        badLabel[RECORD] = 10;
        Path badLabelFile = Files.write(dir.resolve("cifar100.bin"), badLabel);
        assertThatThrownBy(() -> load(Cifar10Params.of(badLabelFile.toString())))
                .hasMessageContaining("record 1 (counting from 0) has label 10, expected 0 to 9");
        Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
        assertThatThrownBy(() -> load(Cifar10Params.of(empty.toString()))).hasMessageContaining("the file is empty");
        byte[] grey = new byte[RECORD];
        Arrays.fill(grey, 1, RECORD, (byte) 128);
        Path greyFile = Files.write(dir.resolve("grey.bin"), grey);
        assertThatThrownBy(() -> load(Cifar10Params.of(greyFile.toString()).withScale("standard")))
                .hasMessageContaining("scale standard needs pixels that vary, but channel 0 has the same value");
    }

    @Test
    void paramsNeedOneFileOrAPair() {
        assertThatThrownBy(() -> new Cifar10Params("a.bin", "b.bin", "c.bin", "unit", 0))
                .hasMessageStartingWith("path must be absent when train and test are given");
        assertThatThrownBy(() -> new Cifar10Params(null, "b.bin", null, "unit", 0))
                .hasMessageStartingWith("test is required together with train");
        assertThatThrownBy(() -> new Cifar10Params(" ", null, null, "unit", 0))
                .hasMessageStartingWith("path is required unless train and test are given");
        assertThatThrownBy(() -> Cifar10Params.of("a.bin").withScale("max")).hasMessageStartingWith("scale must be one of");
    }

    /** The shared CIFAR-10 files live in the data directory (GROVE_DATA), not in the repository. */
    @Test
    void theSharedFilesLoadWhenTheDataDirectoryHasThem() throws IOException {
        Optional<Path> dataDirectory = RunContext.dataDirectory();
        assumeTrue(dataDirectory.isPresent() && Files.exists(dataDirectory.get().resolve("cifar10-test.bin.gz")),
                "skipped: set GROVE_DATA (or -Dgrove.data) to the folder holding cifar10-test.bin.gz"
                        + " (/work/shared/data on the development machines)");
        // Found through the data directory: the bare file name exists neither here nor beside an experiment.
        Dataset test = load(Cifar10Params.of("cifar10-test.bin.gz")).data();
        assertThat(test.rows()).isEqualTo(10_000);
        int[] counts = new int[10];
        for (int label : test.labels()) {
            counts[label]++;
        }
        assertThat(counts).containsOnly(1000);
        byte[] raw;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dataDirectory.get().resolve("cifar10-test.bin.gz")))) {
            raw = in.readNBytes(5 * RECORD);
        }
        // Test image 4: its label, and its blue pixel at row 20, column 9.
        assertThat(test.label(4)).isEqualTo(raw[4 * RECORD] & 0xff);
        int blue = raw[4 * RECORD + 1 + 2048 + 20 * 32 + 9] & 0xff;
        assertThat(test.feature(4, 2048 + 20 * 32 + 9)).isEqualTo((float) (blue / 255.0));
    }
}
