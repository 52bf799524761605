package dev.grove.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.preprocess.StandardScaler;
import dev.grove.api.preprocess.StandardScalerParams;
import dev.grove.api.run.RunContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {

    private static final Schema SCHEMA = new Schema(List.of("x"), "y", List.of());

    /** A regressor that remembers the (transformed) rows it was fitted on and predicts their mean. */
    private record MeanModel(Schema schema, double mean) implements Regressor {
        @Override
        public double[] predict(Dataset data) {
            double[] out = new double[data.rows()];
            java.util.Arrays.fill(out, mean);
            return out;
        }

        @Override
        public ModelState state() {
            return ModelState.builder().put("mean", new double[] {mean}).build();
        }
    }

    @Test
    void transformersSeeOnlyTheRowsGivenToFitAndThePipelineHasTheLastCapability() {
        List<double[]> seenByLast = new ArrayList<>();
        Estimator<MeanModel> last = (data, ctx) -> {
            seenByLast.add(data.featureMatrix());
            double sum = 0;
            for (int i = 0; i < data.rows(); i++) {
                sum += data.feature(i, 0);
            }
            return new MeanModel(data.schema(), sum / data.rows());
        };
        Dataset all = Dataset.of(new double[][] {{1}, {3}, {100}}, new double[] {0, 0, 0}, SCHEMA);
        Dataset train = all.view(new int[] {0, 1});
        Model model = new Pipeline(List.of(new StandardScaler(StandardScalerParams.defaults())), last)
                .fit(train, RunContext.withSeed(0));
        // Scaled with the training rows' mean 2 and std 1 only: the row 100 never informed the scaler.
        assertThat(seenByLast.get(0)).containsExactly(-1, 1);
        assertThat(model).isInstanceOf(Regressor.class).isInstanceOf(PipelineModel.class);
        assertThat(((Regressor) model).predict(all)).containsExactly(0, 0, 0);
        assertThat(model.state().arrays()).containsKeys("step-0.mean", "step-1.mean");
    }

    @Test
    void theFinalEstimatorWatchesValidationRowsTransformedByWhatTheTrainingRowsFitted() {
        List<double[]> validationSeen = new ArrayList<>();
        Estimator<MeanModel> last = new Estimator<>() {
            @Override
            public MeanModel fit(Dataset data, RunContext context) {
                return new MeanModel(data.schema(), 0);
            }

            @Override
            public MeanModel fit(Dataset data, Dataset validation, RunContext context) {
                validationSeen.add(validation == null ? null : validation.featureMatrix());
                return fit(data, context);
            }
        };
        Dataset train = Dataset.of(new double[][] {{1}, {3}}, new double[] {0, 0}, SCHEMA);
        Dataset validation = Dataset.of(new double[][] {{5}, {0}}, new double[] {0, 0}, SCHEMA);
        Pipeline pipeline = new Pipeline(List.of(new StandardScaler(StandardScalerParams.defaults())), last);
        pipeline.fit(train, validation, RunContext.withSeed(0));
        pipeline.fit(train, RunContext.withSeed(0));
        // The training rows' mean 2 and std 1 scale the validation rows: 5 -> 3, 0 -> -2.
        assertThat(validationSeen.get(0)).containsExactly(3, -2);
        assertThat(validationSeen.get(1)).isNull();
    }
}
