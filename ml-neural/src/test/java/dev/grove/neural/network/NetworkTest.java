package dev.grove.neural.network;

import static dev.grove.neural.network.TestLayers.dense;
import static dev.grove.neural.network.TestLayers.sequential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private static final LayerSpec TWO_LAYERS = sequential(dense(16, "relu"), dense(3, "softmax"));

    private static NetworkClassifier fitThreeBlobs(int rows) {
        Network network = new Network(new NetworkParams(TWO_LAYERS, TestTraining.train(30)));
        return (NetworkClassifier) network.fit(TestTraining.threeBlobs(1, rows / 3), RunContext.withSeed(7));
    }

    @Test
    void learnsSeparatedClasses() {
        NetworkClassifier model = fitThreeBlobs(150);
        Dataset test = TestTraining.threeBlobs(2, 100);

        int[] predicted = model.predict(test);

        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == test.label(i) ? 1 : 0;
        }
        assertThat(correct / (double) predicted.length).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void probabilitiesAreTheSoftmaxOfTheLogitsComputedFromTheSavedWeights() {
        NetworkClassifier model = fitThreeBlobs(150);
        // 600 rows: more than two inference batches of 256, the last one partial.
        Dataset data = TestTraining.threeBlobs(3, 200);
        ModelState state = model.state();
        float[] w1 = state.floats("dense-1.weight", 2, 16);
        float[] b1 = state.floats("dense-1.bias", 16);
        float[] w2 = state.floats("dense-2.weight", 16, 3);
        float[] b2 = state.floats("dense-2.bias", 3);

        double[][] proba = model.predictProba(data);
        int[] predicted = model.predict(data);

        assertThat(proba).hasNumberOfRows(600);
        for (int r = 0; r < data.rows(); r++) {
            double[] hidden = new double[16];
            for (int h = 0; h < 16; h++) {
                double z = b1[h] + data.feature(r, 0) * w1[h] + data.feature(r, 1) * w1[16 + h];
                hidden[h] = Math.max(0, z);
            }
            double[] logits = new double[3];
            for (int k = 0; k < 3; k++) {
                logits[k] = b2[k];
                for (int h = 0; h < 16; h++) {
                    logits[k] += hidden[h] * w2[h * 3 + k];
                }
            }
            double normaliser = Math.exp(logits[0]) + Math.exp(logits[1]) + Math.exp(logits[2]);
            int best = 0;
            for (int k = 0; k < 3; k++) {
                assertThat(proba[r][k]).isCloseTo(Math.exp(logits[k]) / normaliser, org.assertj.core.data.Offset.offset(1e-5));
                best = logits[k] > logits[best] ? k : best;
            }
            assertThat(proba[r][0] + proba[r][1] + proba[r][2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(predicted[r]).isEqualTo(best);
        }
        // One forward pass for both answers gives exactly what the two calls give.
        var classification = model.classify(data);
        assertThat(classification.classes()).isEqualTo(predicted);
        assertThat(classification.probabilities()).isDeepEqualTo(proba);
    }

    @Test
    void stateHoldsEveryParameterUnderItsFullNameAndRestoresToIdenticalPredictions() {
        NetworkClassifier model = fitThreeBlobs(150);
        Dataset data = TestTraining.threeBlobs(4, 30);
        NetworkParams params = new NetworkParams(TWO_LAYERS, TestTraining.train(30));

        ModelState state = model.state();
        NetworkModel restored = registered("network", NetworkParams.class).restorer()
                .restore(params, model.schema(), state) instanceof NetworkModel m ? m : null;

        assertThat(state.arrays().keySet()).containsExactly("dense-1.weight", "dense-1.bias", "dense-2.weight", "dense-2.bias");
        assertThat(state.shape("dense-2.weight")).containsExactly(16, 3);
        assertThat(state.attribute("parameters")).isEqualTo(String.valueOf(2 * 16 + 16 + 16 * 3 + 3));
        assertThat(restored).isInstanceOf(NetworkClassifier.class);
        assertThat(((NetworkClassifier) restored).predictProba(data)).isEqualTo(model.predictProba(data));
    }

    @Test
    void restoringNamesAMissingArrayAndAShapeMismatch() {
        NetworkClassifier model = fitThreeBlobs(60);
        Map<String, ModelState.Array> arrays = new LinkedHashMap<>(model.state().arrays());
        arrays.remove("dense-2.bias");
        ModelState.Builder withoutBias = ModelState.builder();
        arrays.forEach(withoutBias::add);

        assertThatThrownBy(() -> NetworkModel.restore("network", TWO_LAYERS, model.schema(), withoutBias.build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dense-2.bias'");
        LayerSpec narrower = sequential(dense(8, "relu"), dense(3, "softmax"));
        assertThatThrownBy(() -> NetworkModel.restore("network", narrower, model.schema(), model.state()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dense-1.weight' has shape [2, 16] but the model expects [2, 8]");
    }

    @Test
    void anOutputThatDoesNotMatchTheClassesIsAnErrorSuggestingTheLastLayer() {
        Network network = new Network(new NetworkParams(sequential(dense(16, "relu"), dense(4, "softmax")),
                TestTraining.train(1)));

        assertThatThrownBy(() -> network.fit(TestTraining.threeBlobs(1, 10), RunContext.withSeed(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outputs shape [4]")
                .hasMessageContaining("must be [3]")
                .hasMessageContaining("dense: {units: 3}");
    }

    @Test
    void twoClassesMayHaveOneLogitOnlyWithASigmoidOrALossOnLogits() {
        Dataset twoClasses = TestTraining.blobs(1, 10, new double[][] {{0, 0}, {3, 3}});
        LayerSpec oneOutput = sequential(dense(4, "relu"), dense(1, "linear"));

        Network withMse = new Network(new NetworkParams(oneOutput,
                TestTraining.train(TestTraining.mse(), TestTraining.sgd(0.1f), 1, 8, List.of(), null)));
        assertThatThrownBy(() -> withMse.fit(twoClasses, RunContext.withSeed(0)))
                .hasMessageContaining("must be [2] (or [1] with a sigmoid output or a cross-entropy loss)");

        Network withCrossEntropy = new Network(new NetworkParams(oneOutput, TestTraining.train(1)));
        NetworkModel model = withCrossEntropy.fit(twoClasses, RunContext.withSeed(0));
        assertThat(model).isInstanceOf(NetworkClassifier.class);
    }

    @Test
    void aSingleLogitGivesProbabilitiesSigmoidOfMinusZAndZ() {
        Dataset twoClasses = TestTraining.blobs(1, 10, new double[][] {{0, 0}, {3, 3}});
        Network network = new Network(new NetworkParams(sequential(dense(1, "sigmoid")), TestTraining.train(1)));
        NetworkClassifier model = (NetworkClassifier) network.fit(twoClasses, RunContext.withSeed(0));
        float[] w = model.state().floats("dense-1.weight", 2, 1);
        float[] b = model.state().floats("dense-1.bias", 1);

        double[][] proba = model.predictProba(twoClasses);
        int[] predicted = model.predict(twoClasses);

        for (int r = 0; r < twoClasses.rows(); r++) {
            double z = b[0] + w[0] * twoClasses.feature(r, 0) + w[1] * twoClasses.feature(r, 1);
            assertThat(proba[r][1]).isCloseTo(1 / (1 + Math.exp(-z)), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(proba[r][0]).isCloseTo(1 / (1 + Math.exp(z)), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(predicted[r]).isEqualTo(z > 0 ? 1 : 0);
        }
    }

    @Test
    void aNumericTargetNeedsOneOutputAndIsFittedAsARegression() {
        Rng rng = new Rng(5);
        double[][] x = new double[200][2];
        double[] y = new double[200];
        for (int i = 0; i < 200; i++) {
            x[i][0] = rng.nextGaussian();
            x[i][1] = rng.nextGaussian();
            y[i] = 2 * x[i][0] - x[i][1] + 0.5;
        }
        Dataset data = Dataset.of(x, y, new Schema(List.of("a", "b"), "y", List.of()));
        var train = TestTraining.train(TestTraining.mse(), TestTraining.sgd(0.1f), 100, 32, List.of(), null);

        assertThatThrownBy(() -> new Network(new NetworkParams(sequential(dense(3, "linear")), train))
                .fit(data, RunContext.withSeed(0)))
                .hasMessageContaining("one number per row, so the output shape must be [1]");
        NetworkModel model = new Network(new NetworkParams(sequential(dense(1, "linear")), train)).fit(data, RunContext.withSeed(0));

        assertThat(model).isInstanceOf(NetworkRegressor.class);
        double[] predicted = ((NetworkRegressor) model).predict(data);
        for (int i = 0; i < 200; i++) {
            assertThat(predicted[i]).isCloseTo(y[i], org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void dataWithoutATargetCannotBeFitted() {
        Dataset unlabelled = TestTraining.threeBlobs(1, 5).withoutTargets();
        Dataset noTarget = Dataset.ofFlat(unlabelled.featureMatrix(), null, Schema.unlabelled(List.of("x0", "x1")));
        Network network = new Network(new NetworkParams(TWO_LAYERS, TestTraining.train(1)));

        assertThatThrownBy(() -> network.fit(noTarget, RunContext.withSeed(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no target column");
    }

    @Test
    void predictionChecksTheColumns() {
        NetworkClassifier model = fitThreeBlobs(30);
        Dataset renamed = Dataset.of(new double[][] {{0, 0}}, null, Schema.unlabelled(List.of("x0", "y")));

        assertThatThrownBy(() -> model.predict(renamed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'y'");
    }

    @SuppressWarnings("unchecked")
    static <P extends Record> Component<P> registered(String name, Class<P> params) {
        List<Component<?>> components = new ArrayList<>();
        NetworkComponents.register(components::add);
        Component<?> component = components.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        assertThat(component.paramsType()).isEqualTo(params);
        return (Component<P>) component;
    }
}
