package dev.grove.neural.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Summary;
import dev.grove.api.run.RunContext;
import dev.grove.neural.loss.CrossEntropyLoss;
import dev.grove.neural.loss.MseLoss;
import dev.grove.neural.train.TrainParams;
import dev.grove.tensor.Rng;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MlpTest {

    /** 16 hidden units, 60 epochs of batches of 16 at learning rate 0.01: enough steps for 150 rows. */
    private static final MlpParams SMALL = new MlpParams(List.of(16), "relu", 60, 16, 0.01, 1e-4, false);

    @Test
    void learnsSeparatedClasses() {
        NetworkModel model = new Mlp(SMALL).fit(TestTraining.threeBlobs(1, 50), RunContext.withSeed(3));
        Dataset test = TestTraining.threeBlobs(2, 100);

        assertThat(model).isInstanceOf(NetworkClassifier.class);
        NetworkClassifier classifier = (NetworkClassifier) model;
        int[] predicted = classifier.predict(test);
        double[][] proba = classifier.predictProba(test);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == test.label(i) ? 1 : 0;
            assertThat(proba[i][0] + proba[i][1] + proba[i][2]).isCloseTo(1.0, Offset.offset(1e-12));
        }
        assertThat(correct / (double) predicted.length).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void fitsANumericTarget() {
        Rng rng = new Rng(5);
        double[][] x = new double[300][2];
        double[] y = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = rng.nextGaussian();
            x[i][1] = rng.nextGaussian();
            y[i] = 2 * x[i][0] - x[i][1];
        }
        Dataset data = Dataset.of(x, y, new Schema(List.of("a", "b"), "y", List.of()));

        NetworkModel model = new Mlp(new MlpParams(List.of(16), "relu", 100, 32, 0.01, 1e-4, false))
                .fit(data, RunContext.withSeed(1));

        assertThat(model).isInstanceOf(NetworkRegressor.class);
        double[] predicted = ((NetworkRegressor) model).predict(data);
        double residual = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            residual += (predicted[i] - y[i]) * (predicted[i] - y[i]);
            total += y[i] * y[i];
        }
        // y has mean 0 and variance 5, so R² = 1 − residual / total.
        assertThat(1 - residual / total).isGreaterThan(0.98);
    }

    @Test
    void restoresToIdenticalPredictions() {
        Dataset data = TestTraining.threeBlobs(1, 20);
        NetworkClassifier model = (NetworkClassifier) new Mlp(SMALL).fit(data, RunContext.withSeed(3));

        var restored = (NetworkClassifier) NetworkTest.registered("mlp", MlpParams.class).restorer()
                .restore(SMALL, model.schema(), model.state());

        assertThat(model.state().arrays().keySet()).containsExactly("dense-1.weight", "dense-1.bias", "dense-2.weight", "dense-2.bias");
        assertThat(restored.predictProba(data)).isEqualTo(model.predictProba(data));
    }

    @Test
    void trainsAsScikitLearnDoesByDefault() {
        Schema classes = new Schema(List.of("a", "b"), "y", List.of("no", "yes"));

        TrainParams many = MlpRecipe.training(MlpParams.defaults(), classes, 1000);
        TrainParams few = MlpRecipe.training(MlpParams.defaults(), classes, 50);

        assertThat(many.batchSize()).isEqualTo(200);
        assertThat(few.batchSize()).isEqualTo(50);
        // alpha / (2 · batch) as scikit-learn adds 0.5 · alpha · Σw² / batch to each batch's loss.
        assertThat(many.l2()).isCloseTo(1e-4 / 400, Offset.offset(1e-15));
        assertThat(many.optimizer().learningRate()).isEqualTo(1e-3f);
        assertThat(many.epochs()).isEqualTo(200);
        assertThat(many.earlyStopping()).isNull();
        assertThat(many.loss()).isInstanceOf(CrossEntropyLoss.class);
        assertThat(MlpRecipe.training(MlpParams.defaults(), new Schema(List.of("a"), "y", List.of()), 10).loss())
                .isInstanceOf(MseLoss.class);
    }

    @Test
    void summarisesTheLayersForTheSchema() {
        Schema digits = new Schema(IntStream.range(0, 64).mapToObj(i -> "p" + i).toList(), "digit",
                IntStream.range(0, 10).mapToObj(String::valueOf).toList());

        Summary summary = new Mlp(MlpParams.defaults().withHidden(List.of(64))).summary(digits);

        assertThat(summary.rows()).extracting(Summary.Row::name).containsExactly("dense-1", "dense-2");
        assertThat(summary.rows()).extracting(Summary.Row::parameters).containsExactly(64L * 64 + 64, 64L * 10 + 10);
        assertThat(summary.total()).isEqualTo(4810);
    }

    @Test
    void rejectsImagesAndInvalidParams() {
        Schema images = new Schema(IntStream.range(0, 4).mapToObj(i -> "p" + i).toList(), "y", List.of("a", "b"),
                List.of(1, 2, 2));

        assertThatThrownBy(() -> new Mlp(MlpParams.defaults()).summary(images))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("samples have shape [1, 2, 2]");
        assertThatThrownBy(() -> MlpParams.defaults().withHidden(List.of(64, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hidden[1] must be >= 1");
    }
}
