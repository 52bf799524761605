package dev.grove.classical.linear;

import static dev.grove.classical.testing.Close.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.testing.Standardiser;
import org.junit.jupiter.api.Test;

/**
 * Coefficients and probabilities against scikit-learn 1.2.1 (NumPy 1.24.2), printed by
 * src/test/reference/sklearn_exactness_ref.py. Features are standardised over the whole file.
 *
 * <p>The L2-penalised objective is strictly convex, so its optimum is unique. scikit-learn's lbfgs
 * result is itself about 1e-4 away from it (scipy also stops on a relative decrease of 2.2e-9, and so
 * does Grove by default), so default fits are compared with 1e-3 · max(|expected|, 1); tight fits
 * (gradient tolerance 1e-9, relative decrease rule off) are compared with newton-cg at tol=1e-14,
 * which reaches the optimum to more digits.
 */
class LogisticRegressionSklearnTest {

    private static final Dataset IRIS = Standardiser.standardise(CsvData.read("iris"));
    private static final Dataset BREAST_CANCER = Standardiser.standardise(CsvData.read("breast_cancer"));
    private static final int[] IRIS_ROWS = {0, 52, 70, 77, 83, 106, 119, 133, 134};
    private static final int[] CANCER_ROWS = {0, 19, 20, 40, 68};

    /** LogisticRegression(C=1.0).fit(iris standardised): coef_, intercept_ (lbfgs, multinomial). */
    private static final double[][] IRIS_COEF = {
        {-1.074041485836016, 1.1600634216479495, -1.9306286585787176, -1.8116887259627756},
        {0.5878005069939086, -0.3618237688810134, -0.36346274208575324, -0.8261928890080612},
        {0.48624097884210804, -0.7982396527669368, 2.2940914006644726, 2.637881614970838},
    };
    private static final double[] IRIS_INTERCEPT = {-0.20531680969928634, 2.0748652460855688, -1.8695484363862875};
    /** predict_proba of IRIS_ROWS. */
    private static final double[][] IRIS_PROBA = {
        {9.8469474660185408e-01, 1.5305191373586918e-02, 6.2024559013465114e-08},
        {2.5394843075327595e-03, 7.3336695338656477e-01, 2.6409356230590247e-01},
        {1.2009315414446890e-02, 4.4032406375678951e-01, 5.4766662082876350e-01},
        {1.1791208074583056e-03, 4.5786924972462273e-01, 5.4095162946791897e-01},
        {1.6784595741835935e-03, 4.3725182335819984e-01, 5.6106971706761655e-01},
        {1.2048518662495669e-02, 4.6060556201006636e-01, 5.2734591932743791e-01},
        {3.8435161626527433e-04, 4.6373174755258673e-01, 5.3588390083114801e-01},
        {1.9803137605589618e-03, 5.8400947950719051e-01, 4.1401020673225059e-01},
        {8.3448550409068081e-04, 4.5455128320605637e-01, 5.4461423128985298e-01},
    };
    /** LogisticRegression(C=1.0, solver='newton-cg', tol=1e-14).fit(iris standardised). */
    private static final double[][] IRIS_OPTIMUM_COEF = {
        {-1.0740661547581822, 1.1601151168541262, -1.9306918596942395, -1.8115561243436005},
        {0.5878102406053964, -0.3618406270123862, -0.3634310240929672, -0.8262695757259538},
        {0.4862559141527875, -0.79827448984174, 2.2941228837872067, 2.6378257000695555},
    };
    private static final double[] IRIS_OPTIMUM_INTERCEPT = {-0.20524113269972166, 2.0748397833558188, -1.8695986506560907};
    /** LogisticRegression(C=0.1, fit_intercept=False, solver='newton-cg', tol=1e-14).fit(iris standardised). */
    private static final double[][] IRIS_NO_INTERCEPT_COEF = {
        {-0.39302691622937863, 0.5714021329863087, -0.6901956762385169, -0.6239283443157729},
        {0.12806335595366716, -0.6378815802222872, 0.16957573450103833, -0.14501739365769123},
        {0.26496356027571116, 0.06647944723597814, 0.520619941737479, 0.7689457379734644},
    };

    /** LogisticRegression(C=1.0).fit(breast cancer standardised; benign=0, malignant=1). */
    private static final double[] CANCER_COEF = {
        0.36317071884094926, 0.38770299104054623, 0.35111443761001565, 0.4355589606388675, 0.1617649320775882,
        -0.5625954840414817, 0.8598975867218189, 0.9622217513117611, -0.07616774713570611, -0.3221858530362341,
        1.2910347918788734, -0.2689252641805676, 0.6598868525569145, 1.0125008744744706, 0.277170461383269,
        -0.7362824023081548, -0.11052646668591894, 0.3335098977038815, -0.2959022504274975, -0.680915277692889,
        1.0293611407744072, 1.3145931189362197, 0.8233170629440418, 1.0105935570535431, 0.6707313505247239,
        -0.04465887680019174, 0.8733006390307549, 0.9119581542295893, 0.8878969365933681, 0.4798313711431547,
    };
    private static final double CANCER_INTERCEPT = -0.21456573094300405;
    private static final double[][] CANCER_PROBA = {
        {1.2081662337237731e-09, 9.9999999879183377e-01},
        {9.2613180444649834e-01, 7.3868195553501603e-02},
        {9.9869184492429630e-01, 1.3081550757037032e-03},
        {8.8579712858718784e-01, 1.1420287141281216e-01},
        {8.8830108800498897e-01, 1.1169891199501107e-01},
    };
    /** LogisticRegression(C=1.0, solver='newton-cg', tol=1e-14).fit(breast cancer standardised). */
    private static final double[] CANCER_OPTIMUM_COEF = {
        0.3630925324336947, 0.3876754427738283, 0.3510621190950358, 0.4356098028928839, 0.16183110282964197,
        -0.5626540334731011, 0.8599171198467895, 0.9622802233930262, -0.07620903177101034, -0.3222262371412229,
        1.290942289775215, -0.2689219013173623, 0.6599745965487563, 1.012557731596818, 0.277212958750181,
        -0.7363240129509415, -0.11053932074832018, 0.33340761903714544, -0.2957930259397341, -0.6809196729485085,
        1.0292622619475735, 1.3146076342279405, 0.8233473826829805, 1.0107068310344185, 0.6706819629518675,
        -0.04456425196548706, 0.8733339164738781, 0.9120031219525957, 0.8878373244417014, 0.47981890815408745,
    };
    private static final double CANCER_OPTIMUM_INTERCEPT = -0.21450271800138168;

    /** {@code params} that stop on a gradient of 1e-9 only. */
    private static LogisticRegressionParams tight(LogisticRegressionParams params) {
        return params.withTol(1e-9).withRelativeDecreaseTol(0).withMaxIter(1000);
    }

    private static LogisticRegressionModel fit(Dataset data, LogisticRegressionParams params) {
        return new LogisticRegression(params).fit(data, RunContext.withSeed(0));
    }

    @Test
    void defaultMultinomialFitOnIrisMatchesScikitLearn() {
        LogisticRegressionModel model = fit(IRIS, LogisticRegressionParams.defaults());
        assertThat(model.converged()).isTrue();
        assertClose("coef", model.coefficients(), IRIS_COEF, 1e-3);
        assertClose("intercept", model.intercepts(), IRIS_INTERCEPT, 1e-3);
        assertClose("proba", model.predictProba(IRIS.view(IRIS_ROWS)), IRIS_PROBA, 1e-3);
    }

    @Test
    void tightMultinomialFitOnIrisReachesTheOptimum() {
        LogisticRegressionModel model = fit(IRIS, tight(LogisticRegressionParams.defaults()));
        assertThat(model.converged()).isTrue();
        assertClose("coef", model.coefficients(), IRIS_OPTIMUM_COEF, 1e-6);
        assertClose("intercept", model.intercepts(), IRIS_OPTIMUM_INTERCEPT, 1e-6);
    }

    @Test
    void tightFitWithoutInterceptAndWithStrongerPenaltyReachesTheOptimum() {
        LogisticRegressionModel model = fit(IRIS,
                tight(LogisticRegressionParams.defaults().withC(0.1).withFitIntercept(false)));
        assertThat(model.converged()).isTrue();
        assertClose("coef", model.coefficients(), IRIS_NO_INTERCEPT_COEF, 1e-6);
        assertThat(model.intercepts()).containsOnly(0.0);
    }

    @Test
    void defaultBinaryFitOnBreastCancerMatchesScikitLearn() {
        LogisticRegressionModel model = fit(BREAST_CANCER, LogisticRegressionParams.defaults());
        assertThat(model.coefficients()).hasDimensions(1, 30);
        assertClose("coef", model.coefficients()[0], CANCER_COEF, 1e-3);
        assertClose("intercept", model.intercepts(), new double[] {CANCER_INTERCEPT}, 1e-3);
        assertClose("proba", model.predictProba(BREAST_CANCER.view(CANCER_ROWS)), CANCER_PROBA, 1e-3);
    }

    @Test
    void tightBinaryFitOnBreastCancerReachesTheOptimum() {
        LogisticRegressionModel model = fit(BREAST_CANCER, tight(LogisticRegressionParams.defaults()));
        assertThat(model.converged()).isTrue();
        assertClose("coef", model.coefficients()[0], CANCER_OPTIMUM_COEF, 1e-6);
        assertClose("intercept", model.intercepts(), new double[] {CANCER_OPTIMUM_INTERCEPT}, 1e-6);
    }
}
