package dev.grove.classical.bayes;

import static dev.grove.classical.testing.Close.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.CsvData;
import org.junit.jupiter.api.Test;

/**
 * Fitted numbers and probabilities against scikit-learn 1.2.1 (NumPy 1.24.2) GaussianNB on raw iris,
 * printed by src/test/reference/sklearn_exactness_ref.py. Closed-form fit, so 1e-9 · max(|expected|, 1).
 */
class GaussianNaiveBayesSklearnTest {

    private static final Dataset IRIS = CsvData.read("iris");
    private static final int[] ROWS = {0, 52, 70, 77, 83, 106, 119, 133, 134};

    /** GaussianNB().fit(iris): theta_, var_, class_prior_, epsilon_, predict_proba(ROWS). */
    private static final double[][] THETA = {
        {5.005999999999999, 3.428000000000001, 1.4620000000000002, 0.2459999999999999},
        {5.936, 2.7700000000000005, 4.26, 1.3259999999999998},
        {6.587999999999998, 2.9739999999999998, 5.552, 2.026},
    };
    private static final double[][] VAR = {
        {0.12176400309550259, 0.14081600309550263, 0.029556003095502676, 0.010884003095502673},
        {0.2611040030955028, 0.09650000309550268, 0.21640000309550278, 0.03832400309550265},
        {0.39625600309550263, 0.10192400309550273, 0.2984960030955029, 0.07392400309550265},
    };
    private static final double[] PRIOR = {0.3333333333333333, 0.3333333333333333, 0.3333333333333333};
    private static final double EPSILON = 3.0955026666666677e-09;
    private static final double[][] PROBA = {
        {1.0000000000000000e+000, 1.3578426545097534e-018, 7.1128351163031529e-026},
        {1.8714285887848073e-123, 4.5615131664942282e-001, 5.4384868335057712e-001},
        {2.5915380282501682e-130, 1.5449408494388256e-001, 8.4550591505611739e-001},
        {1.1698812222279229e-138, 7.5269131588514074e-002, 9.2473086841148611e-001},
        {2.1406973140994879e-135, 6.1215984474275353e-001, 3.8784015525724680e-001},
        {2.2346370197755735e-109, 9.7351434465329734e-001, 2.6485655346702722e-002},
        {6.3108651499541354e-126, 9.5813536187126924e-001, 4.1864638128730806e-002},
        {2.6838258262863244e-131, 7.1264514421552883e-001, 2.8735485578447079e-001},
        {6.8072330503153419e-154, 4.8619928540280416e-001, 5.1380071459719601e-001},
    };
    /** GaussianNB(var_smoothing=0.5).fit(iris): var_, predict_proba(ROWS). */
    private static final double[][] SMOOTHED_VAR = {
        {1.6695153333333337, 1.6885673333333338, 1.5773073333333336, 1.5586353333333338},
        {1.8088553333333337, 1.6442513333333337, 1.7641513333333338, 1.5860753333333337},
        {1.9440073333333336, 1.6496753333333338, 1.8462473333333338, 1.6216753333333336},
    };
    private static final double[][] SMOOTHED_PROBA = {
        {0.9578749828773753, 0.04069492869308277, 0.001430088429541685},
        {0.0036766946609853154, 0.46984032657692576, 0.5264829787620886},
        {0.007593722333520915, 0.5376832169393757, 0.45472306072710367},
        {0.0027804430370301472, 0.4522505584944741, 0.5449689984684953},
        {0.0037648421458708874, 0.5150986445437237, 0.48113651331040547},
        {0.022871700979478934, 0.6795357920936081, 0.297592506926913},
        {0.004334684289212407, 0.5585541660245841, 0.43711114968620357},
        {0.0034179725817788326, 0.49735327812935176, 0.499228749288869},
        {0.0013408286770666576, 0.44209652287370377, 0.5565626484492292},
    };

    private static GaussianNaiveBayesModel fit(double varSmoothing) {
        return new GaussianNaiveBayes(new GaussianNaiveBayesParams(varSmoothing)).fit(IRIS, RunContext.withSeed(0));
    }

    @Test
    void defaultFitMatchesScikitLearn() {
        GaussianNaiveBayesModel model = fit(1e-9);
        assertClose("theta", model.means(), THETA, 1e-9);
        assertClose("var", model.variances(), VAR, 1e-9);
        assertClose("prior", model.classPriors(), PRIOR, 1e-12);
        assertThat(model.epsilon()).isCloseTo(EPSILON, offset(1e-9 * EPSILON));
        double[][] proba = model.predictProba(IRIS.view(ROWS));
        assertClose("proba", proba, PROBA, 1e-9);
        // The tiny probabilities (down to 1e-154) come from log-likelihood differences of ~350, so
        // they must agree in their leading digits too, not merely be close to 0.
        for (int i = 0; i < proba.length; i++) {
            for (int k = 0; k < 3; k++) {
                assertThat(proba[i][k]).as("proba[%d][%d]", i, k).isCloseTo(PROBA[i][k], offset(1e-9 * PROBA[i][k]));
            }
        }
    }

    @Test
    void strongSmoothingMatchesScikitLearn() {
        GaussianNaiveBayesModel model = fit(0.5);
        assertClose("var", model.variances(), SMOOTHED_VAR, 1e-9);
        assertClose("proba", model.predictProba(IRIS.view(ROWS)), SMOOTHED_PROBA, 1e-9);
    }
}
