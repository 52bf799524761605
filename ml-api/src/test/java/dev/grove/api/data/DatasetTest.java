package dev.grove.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static final Schema SCHEMA = new Schema(List.of("a", "b"), "y", List.of("no", "yes"));

    private static Dataset sample() {
        return Dataset.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {0, 1, 1}, SCHEMA);
    }

    @Test
    void viewsSelectRowsWithoutCopyingAndCompose() {
        Dataset d = sample();
        Dataset v = d.view(new int[] {2, 0});
        assertThat(v.rows()).isEqualTo(2);
        assertThat(v.feature(0, 1)).isEqualTo(6);
        assertThat(v.labels()).containsExactly(1, 0);
        Dataset vv = v.view(new int[] {1});
        assertThat(vv.featureMatrix()).containsExactly(1, 2);
        assertThat(vv.targets()).containsExactly(0);
    }

    @Test
    void fingerprintDependsOnRowsSeen() {
        Dataset d = sample();
        assertThat(d.fingerprint()).hasSize(64).isEqualTo(sample().fingerprint());
        assertThat(d.view(new int[] {0, 1}).fingerprint()).isNotEqualTo(d.fingerprint());
        assertThat(d.view(new int[] {0, 1, 2}).fingerprint()).isEqualTo(d.fingerprint());
    }

    @Test
    void invalidDataIsRejectedWithTheRowNamed() {
        assertThatThrownBy(() -> Dataset.of(new double[][] {{1, 2}, {3}}, null, SCHEMA))
                .hasMessageContaining("row 1").hasMessageContaining("2 features");
        assertThatThrownBy(() -> Dataset.of(new double[][] {{1, 2}}, new double[] {2}, SCHEMA))
                .hasMessageContaining("row 0").hasMessageContaining("class index");
        assertThatThrownBy(() -> sample().view(new int[] {3})).hasMessageContaining("row 3");
        assertThatThrownBy(() -> new Schema(List.of("a", "a"), null, List.of())).hasMessageContaining("unique");
    }
}
