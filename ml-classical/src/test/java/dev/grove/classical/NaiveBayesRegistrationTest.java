package dev.grove.classical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.Model;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.classical.bayes.BernoulliNaiveBayes;
import dev.grove.classical.bayes.BernoulliNaiveBayesParams;
import dev.grove.classical.bayes.MultinomialNaiveBayes;
import dev.grove.classical.bayes.MultinomialNaiveBayesParams;
import dev.grove.classical.linear.LogisticRegression;
import dev.grove.classical.linear.LogisticRegressionParams;
import dev.grove.classical.testing.CsvData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plugin registers multinomial-nb and bernoulli-nb under their issue names, each restorer rebuilds
 * a model that answers exactly as the fitted one, and logistic-regression fits with every penalty
 * from its registration.
 */
class NaiveBayesRegistrationTest {

    private static final Dataset IRIS = CsvData.read("iris");

    /** The registered estimators by name (another kind may share a name, as pca does). */

    @Test
    void registersBothDiscreteNaiveBayesEstimators() {
        Map<String, Component<?>> components = Registered.estimators();
        assertThat(components.get("multinomial-nb").paramsType()).isEqualTo(MultinomialNaiveBayesParams.class);
        assertThat(components.get("bernoulli-nb").paramsType()).isEqualTo(BernoulliNaiveBayesParams.class);
        for (String name : new String[] {"multinomial-nb", "bernoulli-nb"}) {
            assertThat(components.get(name).kind()).as(name).isEqualTo(Kind.ESTIMATOR);
            assertThat(components.get(name).doc()).as(name).isNotBlank();
        }
    }

    @Test
    void eachFitsFromDefaultsAndItsRestorerRebuildsTheModel() {
        // Iris measurements are positive, so they serve as (fractional) counts too.
        Map<String, Record> defaults = Map.of("multinomial-nb", MultinomialNaiveBayesParams.defaults(),
                "bernoulli-nb", BernoulliNaiveBayesParams.defaults().withBinarize(3.0),
                "logistic-regression", LogisticRegressionParams.defaults().withPenalty("elastic-net"));
        Map<String, Class<?>> types = Map.of("multinomial-nb", MultinomialNaiveBayes.class,
                "bernoulli-nb", BernoulliNaiveBayes.class, "logistic-regression", LogisticRegression.class);
        Map<String, Component<?>> components = Registered.estimators();
        defaults.forEach((name, params) -> {
            Component<?> component = components.get(name);
            Object created = Registered.create(component, params);
            assertThat(created).as(name).isInstanceOf(types.get(name));
            Model model = ((Estimator<?>) created).fit(IRIS, RunContext.withSeed(0));
            Model restored = Registered.restore(component, params, model);
            assertThat(((Classifier) restored).predictProba(IRIS)).as(name)
                    .isDeepEqualTo(((Classifier) model).predictProba(IRIS));
        });
    }
}
