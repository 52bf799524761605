package dev.grove.classical.bayes;

import static dev.grove.classical.testing.Close.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multinomial and Bernoulli naive Bayes against scikit-learn 1.2.1 on a small count matrix, printed by
 * src/test/reference/penalties_and_discrete_nb_ref.py. Closed-form fits, so log-probabilities and
 * probabilities are compared with 1e-12 · max(|expected|, 1), counts exactly.
 */
class DiscreteNaiveBayesSklearnTest {

    private static final Schema SCHEMA = new Schema(List.of("f0", "f1", "f2", "f3"), "y", List.of("a", "b", "c"));
    private static final double[][] X = {
        {2, 1, 0, 3}, {0, 0, 4, 1}, {1, 3, 0, 0}, {5, 0, 1, 2}, {0, 2, 2, 2}, {3, 0, 0, 1}, {0, 1, 6, 0},
    };
    private static final double[] Y = {0, 1, 0, 2, 1, 0, 1};
    private static final double[][] PROBE = {{1, 1, 1, 1}, {0, 5, 0, 2}, {7, 0, 0, 0}};
    private static final Dataset DATA = Dataset.of(X, Y, SCHEMA);
    private static final Dataset PROBE_DATA = Dataset.of(PROBE, null, SCHEMA);

    private static final double[][] COUNTS = {{6, 4, 0, 4}, {0, 3, 12, 3}, {5, 0, 1, 2}};
    private static final double[] CLASS_COUNTS = {3, 3, 1};
    /** Rows of each class with a value above 1 (the present features of the Bernoulli fits). */
    private static final double[][] PRESENT = {{2, 1, 0, 1}, {0, 1, 3, 1}, {1, 0, 0, 1}};

    /** MultinomialNB().fit(X, Y): feature_log_prob_, class_log_prior_, predict_proba(PROBE). */
    private static final double[][] MULTINOMIAL_LOG_PROB = {
        {-0.9444616088408513, -1.2809338454620642, -2.8903717578961645, -1.2809338454620642},
        {-3.091042453358316, -1.7047480922384255, -0.5260930958967793, -1.7047480922384255},
        {-0.6931471805599454, -2.4849066497880004, -1.791759469228055, -1.3862943611198906},
    };
    private static final double[] MULTINOMIAL_LOG_PRIOR = {-0.8472978603872034, -0.8472978603872034, -1.9459101490553132};
    private static final double[][] MULTINOMIAL_PROBA = {
        {5.3197952890741196e-01, 2.8334757748615796e-01, 1.8467289360642999e-01},
        {9.5045378970158589e-01, 4.8922617566990782e-02, 6.2359273142321167e-04},
        {3.4060734399701004e-01, 1.0151179273141244e-07, 6.5939255449119749e-01},
    };
    /** MultinomialNB(alpha=0.5, fit_prior=False).fit(X, Y). */
    private static final double[][] MULTINOMIAL_HALF_LOG_PROB = {
        {-0.9007865453381898, -1.268511325463507, -3.4657359027997265, -1.268511325463507},
        {-3.6888794541139363, -1.7429693050586228, -0.47000362924573524, -1.7429693050586228},
        {-0.5978370007556206, -2.9957322735539913, -1.8971199848858815, -1.3862943611198908},
    };
    private static final double[] UNIFORM_LOG_PRIOR = {-1.0986122886681098, -1.0986122886681098, -1.0986122886681098};
    private static final double[][] MULTINOMIAL_HALF_PROBA = {
        {3.9945313234986224e-01, 1.9034150397708152e-01, 4.1020536367305638e-01},
        {9.6501849374843574e-01, 3.4846106471940572e-02, 1.3539977962317623e-04},
        {1.0710619720295238e-01, 3.5796539331211021e-10, 8.9289380243908201e-01},
    };
    /** BernoulliNB(binarize=1.0).fit(X, Y). */
    private static final double[][] BERNOULLI_LOG_PROB = {
        {-0.5108256237659905, -0.916290731874155, -1.6094379124341003, -0.916290731874155},
        {-1.6094379124341003, -0.916290731874155, -0.2231435513142097, -0.916290731874155},
        {-0.4054651081081645, -1.0986122886681098, -1.0986122886681098, -0.4054651081081645},
    };
    private static final double[][] BERNOULLI_PROBA = {
        {0.6086835513498468, 0.3043417756749236, 0.08697467297522966},
        {0.5489974583451002, 0.2744987291725503, 0.17650381248234967},
        {0.7850198917172683, 0.06541832430977237, 0.14956178397295933},
    };
    /** BernoulliNB(alpha=0.3, binarize=None, fit_prior=False).fit(X > 1, Y), predict_proba(PROBE > 1). */
    private static final double[][] BERNOULLI_BINARY_LOG_PROB = {
        {-0.44802472252696035, -1.0185695809945732, -2.4849066497880004, -1.0185695809945732},
        {-2.4849066497880004, -1.0185695809945732, -0.08701137698962969, -1.0185695809945732},
        {-0.20763936477824457, -1.6739764335716718, -1.6739764335716718, -0.20763936477824457},
    };
    private static final double[][] BERNOULLI_BINARY_PROBA = {
        {0.7129927336022452, 0.16453678467744104, 0.12247048172031347},
        {0.5654705818749133, 0.13049321120190283, 0.3040362069231836},
        {0.6980467660727191, 0.008277234380308912, 0.293675999546972},
    };

    private static final RunContext CONTEXT = RunContext.withSeed(0);

    /** {@code x > 1} as 0/1, as the reference script binarises for the pre-binarised fit. */
    private static Dataset aboveOne(double[][] x, double[] y) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = x[i][j] > 1 ? 1 : 0;
            }
        }
        return Dataset.of(out, y, SCHEMA);
    }

    @Test
    void multinomialMatchesScikitLearn() {
        MultinomialNaiveBayesModel model = new MultinomialNaiveBayes(MultinomialNaiveBayesParams.defaults())
                .fit(DATA, CONTEXT);
        assertThat(model.featureCounts()).isDeepEqualTo(COUNTS);
        assertThat(model.classCounts()).containsExactly(CLASS_COUNTS);
        assertClose("feature_log_prob_", model.featureLogProbs(), MULTINOMIAL_LOG_PROB, 1e-12);
        assertClose("class_log_prior_", model.classLogPriors(), MULTINOMIAL_LOG_PRIOR, 1e-12);
        assertClose("predict_proba", model.predictProba(PROBE_DATA), MULTINOMIAL_PROBA, 1e-12);
        // The smallest probability (1e-7) must keep its leading digits, not just be near 0.
        assertThat(model.predictProba(PROBE_DATA)[2][1]).isCloseTo(MULTINOMIAL_PROBA[2][1],
                org.assertj.core.api.Assertions.offset(1e-12 * MULTINOMIAL_PROBA[2][1]));
        assertThat(model.predict(PROBE_DATA)).containsExactly(0, 0, 2);
    }

    @Test
    void multinomialWithSmallerAlphaAndUniformPriorsMatchesScikitLearn() {
        MultinomialNaiveBayesModel model = new MultinomialNaiveBayes(new MultinomialNaiveBayesParams(0.5, false))
                .fit(DATA, CONTEXT);
        assertClose("feature_log_prob_", model.featureLogProbs(), MULTINOMIAL_HALF_LOG_PROB, 1e-12);
        assertClose("class_log_prior_", model.classLogPriors(), UNIFORM_LOG_PRIOR, 1e-12);
        assertClose("predict_proba", model.predictProba(PROBE_DATA), MULTINOMIAL_HALF_PROBA, 1e-12);
        assertThat(model.predict(PROBE_DATA)).containsExactly(2, 0, 2);
    }

    @Test
    void bernoulliWithAThresholdMatchesScikitLearn() {
        BernoulliNaiveBayesModel model = new BernoulliNaiveBayes(BernoulliNaiveBayesParams.defaults().withBinarize(1.0))
                .fit(DATA, CONTEXT);
        assertThat(model.featureCounts()).isDeepEqualTo(PRESENT);
        assertThat(model.classCounts()).containsExactly(CLASS_COUNTS);
        assertClose("feature_log_prob_", model.featureLogProbs(), BERNOULLI_LOG_PROB, 1e-12);
        assertClose("class_log_prior_", model.classLogPriors(), MULTINOMIAL_LOG_PRIOR, 1e-12);
        assertClose("predict_proba", model.predictProba(PROBE_DATA), BERNOULLI_PROBA, 1e-12);
    }

    @Test
    void bernoulliOnFeaturesThatAreAlreadyBinaryMatchesScikitLearn() {
        BernoulliNaiveBayesModel model = new BernoulliNaiveBayes(new BernoulliNaiveBayesParams(0.3, -1, false))
                .fit(aboveOne(X, Y), CONTEXT);
        assertThat(model.featureCounts()).isDeepEqualTo(PRESENT);
        assertClose("feature_log_prob_", model.featureLogProbs(), BERNOULLI_BINARY_LOG_PROB, 1e-12);
        assertClose("class_log_prior_", model.classLogPriors(), UNIFORM_LOG_PRIOR, 1e-12);
        assertClose("predict_proba", model.predictProba(aboveOne(PROBE, null).withoutTargets()), BERNOULLI_BINARY_PROBA,
                1e-12);
    }
}
