package dev.grove.neural.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IrisMlpTest {

    private static final Path IRIS = Path.of("..", "datasets", "iris.csv");

    @Test
    void trainingLowersTheLossAndClassifiesHeldOutIris() {
        IrisMlp.Result result = IrisMlp.run(IRIS, 42);
        float[] losses = result.lossPerEpoch();
        // Cross-entropy of an untrained 3-class model starts near ln 3 ≈ 1.10.
        assertThat(losses[0]).isBetween(0.8f, 1.6f);
        assertThat(losses[losses.length - 1]).isLessThan(0.2f * losses[0]);
        assertThat(result.testAccuracy()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void sameSeedGivesTheSameRun() {
        assertThat(IrisMlp.run(IRIS, 7).lossPerEpoch()).isEqualTo(IrisMlp.run(IRIS, 7).lossPerEpoch());
    }

    @Test
    void splitIsStratifiedAndDisjoint() {
        IrisMlp.IrisData data = IrisMlp.read(IRIS);
        int[][] split = IrisMlp.stratifiedSplit(data.labels(), 3, 0.2, new dev.grove.tensor.Rng(1));
        assertThat(split[0]).hasSize(120);
        assertThat(split[1]).hasSize(30);
        assertThat(split[1]).doesNotContain(split[0]);
        for (int c = 0; c < 3; c++) {
            int cls = c;
            assertThat(java.util.Arrays.stream(split[1]).filter(i -> data.labels()[i] == cls).count()).isEqualTo(10);
        }
    }

    @Test
    void badCsvNamesTheLineAndColumn(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,b,c,d,species\n5.1,3.5,1.4,0.2,setosa\n4.9,x,1.4,0.2,setosa\n");
        assertThatThrownBy(() -> IrisMlp.read(csv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3").hasMessageContaining("column 2").hasMessageContaining("'x'");
    }
}
