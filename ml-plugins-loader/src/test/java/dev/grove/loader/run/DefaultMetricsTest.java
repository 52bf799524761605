package dev.grove.loader.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Clusterer;
import dev.grove.api.model.ModelState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without named metrics, a model gets the metrics of what it is. */
class DefaultMetricsTest {

    /** A classifier that is never asked to predict here. */
    private record SomeClassifier() implements Classifier {
        @Override
        public int[] predict(Dataset data) {
            return new int[0];
        }

        @Override
        public double[][] predictProba(Dataset data) {
            return new double[0][];
        }

        @Override
        public Schema schema() {
            return Schema.unlabelled(List.of("x"));
        }

        @Override
        public ModelState state() {
            return ModelState.builder().build();
        }
    }

    /** A clusterer that is never asked to predict here. */
    private record SomeClusterer() implements Clusterer {
        @Override
        public int[] predict(Dataset data) {
            return new int[0];
        }

        @Override
        public int clusterCount() {
            return 2;
        }

        @Override
        public Schema schema() {
            return Schema.unlabelled(List.of("x"));
        }

        @Override
        public ModelState state() {
            return ModelState.builder().build();
        }
    }

    @Test
    void classifiersGetLabelMetricsAndClusterersClusterMetrics() {
        assertThat(DefaultMetrics.NAMES.stream().filter(n -> DefaultMetrics.suits(n, new SomeClassifier())))
                .containsExactly("accuracy", "f1-macro", "log-loss");
        assertThat(DefaultMetrics.NAMES.stream().filter(n -> DefaultMetrics.suits(n, new SomeClusterer())))
                .containsExactly("silhouette", "inertia");
    }
}
