package dev.grove.neural.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Split;
import dev.grove.api.data.Splits;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Pipeline;
import dev.grove.api.preprocess.StandardScaler;
import dev.grove.api.preprocess.StandardScalerParams;
import dev.grove.api.run.RunContext;
import dev.grove.api.source.CsvParams;
import dev.grove.api.source.CsvSource;
import dev.grove.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptance figure for {@code mlp}: digits, standard-scaler + mlp with one hidden layer
 * of 64, stratified 5-fold cross-validation accuracy ≥ 0.965 (scikit-learn's MLPClassifier with the
 * same settings reaches about 0.97–0.98).
 */
class MlpDigitsTest {

    @Test
    void digitsWithAScalerAndOneHiddenLayerOf64ReachesTheAcceptanceAccuracy() {
        Dataset digits = new CsvSource(CsvParams.of("../datasets/digits.csv", "digit")).load(RunContext.withSeed(0)).data();
        Pipeline pipeline = new Pipeline(List.of(new StandardScaler(StandardScalerParams.defaults())),
                new Mlp(MlpParams.defaults().withHidden(List.of(64))));

        int correct = 0;
        int rows = 0;
        List<Split> folds = Splits.kFold(digits, 5, true, true, new Rng(42));
        for (int f = 0; f < folds.size(); f++) {
            Split fold = folds.get(f);
            Classifier model = (Classifier) pipeline.fit(digits.view(fold.train()), RunContext.withSeed(42).scoped("fold-" + f));
            Dataset test = digits.view(fold.test());
            int[] predicted = model.predict(test);
            for (int i = 0; i < predicted.length; i++) {
                correct += predicted[i] == test.label(i) ? 1 : 0;
            }
            rows += predicted.length;
        }

        assertThat(correct / (double) rows).isGreaterThanOrEqualTo(0.965);
    }
}
