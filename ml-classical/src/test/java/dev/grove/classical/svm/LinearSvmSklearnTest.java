package dev.grove.classical.svm;

import static dev.grove.classical.testing.Close.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.testing.Standardiser;
import org.junit.jupiter.api.Test;

/**
 * The fitted {@code linear-svm} against scikit-learn 1.2.1's {@code LinearSVC} (liblinear's dual
 * solver), printed by src/test/reference/svm_sklearn_ref.py. Features are standardised over the
 * whole file.
 *
 * <p>The primal objective ½‖w‖² + c·Σ loss is strictly convex in w (the intercept included, being
 * the weight of a constant feature), so its minimiser is unique; both sides solve to tol 1e-10, so
 * the weights agree to far better than the 1e-6 · max(|expected|, 1) asserted, whatever order the
 * random passes take.
 */
class LinearSvmSklearnTest {

    private static final Dataset WINE = Standardiser.standardise(CsvData.read("wine"));
    private static final Dataset BREAST_CANCER = Standardiser.standardise(CsvData.read("breast_cancer"));
    private static final double TOLERANCE = 1e-6;

    /** LinearSVC(loss='hinge', C=1.0, tol=1e-10, max_iter=1000000).fit(wine standardised): coef_, intercept_. */
    private static final double[][] WINE_HINGE_COEF = {
            {0.894535083245924, 0.3503372719139318, 0.7942101981291348, -1.055090604666157, 0.09434356587487314,
            0.19155579903555894, 0.6033630162722181, -0.19856544856918026, -0.11476189730659901,
            -0.04006249448599607, -0.04535960463452181, 0.5456782324883152, 1.0743757239215421},
            {-0.9684285725606571, -0.42279075956115525, -0.7998800481467577, 0.4776851668301157,
            0.016774189504448225, -0.13236655724827118, 0.2642394707376602, 0.3185658789991376, 0.3173286696940775,
            -1.3832777932895681, 0.6362784112264228, 0.1173817077842585, -1.4081112777473346},
            {0.6895379858555103, 0.05817300060652614, 0.557869300446449, 0.08726450713414546, -0.21926350832546435,
            0.021428198686645045, -1.3657115770709924, -0.39675197463460166, -0.22233485753521848,
            0.9905419636044219, -0.6032866016379419, -0.7162705834458009, 0.2659747188311643},
    };
    private static final double[] WINE_HINGE_INTERCEPT = {
            -0.8456217759413948, -1.0255693553432281, -1.5598946295069631};
    /** LinearSVC(loss='squared_hinge', C=1.0, tol=1e-10, max_iter=1000000).fit(wine standardised): coef_, intercept_. */
    private static final double[][] WINE_SQUARED_HINGE_COEF = {
            {0.7270170390647769, 0.24837793463803154, 0.6058865753952587, -0.8640638597647301, 0.09741378005552043,
            0.11045899349661471, 0.44232026197739555, -0.16274585909892977, -0.12054101257339893,
            0.0033206821636810485, -0.08997208121212688, 0.5521722594858347, 0.8214482399865851},
            {-0.694426925124562, -0.3577423639270079, -0.700988039128792, 0.452850449248431, 0.07014458476087676,
            -0.031056735598716374, 0.3235117250812684, 0.3118373224691201, 0.12072691824449132, -1.330206385942788,
            0.5201198799576087, -0.012866710716921154, -1.208509646080878},
            {0.4582746503611485, 0.04541994858178371, 0.4864552614068187, 0.08059069810916605, -0.19685474654210672,
            0.05774902399736802, -1.0005925900187702, -0.31631542626365877, -0.18447452868279407, 0.7952331790428672,
            -0.45603094496403107, -0.5405716468132399, 0.09009260748190082},
    };
    private static final double[] WINE_SQUARED_HINGE_INTERCEPT = {
            -0.6664529568986515, -0.900012725017569, -1.1650802636491824};
    /** LinearSVC(loss='hinge', C=0.1, tol=1e-10, max_iter=1000000).fit(breast cancer standardised): coef_, intercept_. */
    private static final double[] CANCER_COEF = {
            0.1969679367089641, 0.2988832743193443, 0.19551754064128643, 0.2261347833780985, 0.022526879731788838,
            -0.17244520297534727, 0.37280697278077246, 0.3675228133552978, 0.050414586243594905, -0.2414153595088442,
            0.3794920281100292, -0.131660684077151, 0.36347304415657966, 0.32862230626890193, 0.16682167728411762,
            -0.2767160275257357, -0.04955397891068654, 0.09399140168100105, -0.09333488238263413,
            -0.2289777989543093, 0.34134381070763736, 0.46480203457710323, 0.3479522218137284, 0.34495273073374894,
            0.3206283946020943, -0.005651506833812253, 0.3410281328782739, 0.3185698115108886, 0.41966996544911256,
            0.15116094586668283};
    private static final double CANCER_INTERCEPT = -0.17131507292492387;
    /** LinearSVC(loss='hinge', C=1.0, tol=1e-10, max_iter=1000000, fit_intercept=False).fit(wine standardised): coef_. */
    private static final double[][] WINE_NO_INTERCEPT_COEF = {
            {0.9395397593835824, 0.30217279992140483, 0.6363368931669414, -0.9989597801774668, -0.17030754525329422,
            -0.4102932895637522, 0.7915600299968469, -0.04772744241260978, -0.053384768034253585,
            0.037136946131734495, -0.12183290287681217, 0.9160029138938506, 1.70126152945262},
            {-1.065003221127589, -0.46236326609255685, -1.0514223530473412, 0.6763673262672729, -0.2770557926466853,
            0.32785928320346425, 0.09546921383087861, 0.09651942154132218, 0.3928214370596417, -0.912677454080614,
            1.3167645480055392, -0.056744686212711656, -1.8084846974126298},
            {-0.039068210039738, 0.26575017335089146, 0.29683969022612783, 0.10649527684832298, -0.15508095808607902,
            0.4611867271356406, -1.5147215439111623, -0.20694180115076702, 0.0894398116658281, 1.9927894941062416,
            -0.43772487875594157, -0.5371514292770525, -0.6904190942296924},
    };

    private static LinearSvmParams tight() {
        return LinearSvmParams.defaults().withTol(1e-10).withMaxIter(1_000_000);
    }

    @Test
    void hingeLossOneVersusRestMatchesLinearSvc() {
        LinearSvmModel model = new LinearSvm(tight()).fit(WINE, RunContext.withSeed(0));
        assertClose("coef", model.coefficients(), WINE_HINGE_COEF, TOLERANCE);
        assertClose("intercept", model.intercepts(), WINE_HINGE_INTERCEPT, TOLERANCE);
        assertThat(model.converged()).isTrue();
    }

    @Test
    void squaredHingeLossMatchesLinearSvc() {
        LinearSvmModel model = new LinearSvm(tight().withLoss("squared-hinge")).fit(WINE, RunContext.withSeed(0));
        assertClose("coef", model.coefficients(), WINE_SQUARED_HINGE_COEF, TOLERANCE);
        assertClose("intercept", model.intercepts(), WINE_SQUARED_HINGE_INTERCEPT, TOLERANCE);
    }

    @Test
    void withoutInterceptMatchesLinearSvc() {
        LinearSvmModel model = new LinearSvm(tight().withFitIntercept(false)).fit(WINE, RunContext.withSeed(0));
        assertClose("coef", model.coefficients(), WINE_NO_INTERCEPT_COEF, TOLERANCE);
        assertThat(model.intercepts()).containsOnly(0.0);
    }

    @Test
    void binaryProblemHasOneRowPositiveForTheSecondClass() {
        LinearSvmModel model = new LinearSvm(tight().withC(0.1)).fit(BREAST_CANCER, RunContext.withSeed(0));
        assertThat(model.coefficients()).hasNumberOfRows(1);
        assertClose("coef", model.coefficients()[0], CANCER_COEF, TOLERANCE);
        assertThat(model.intercepts()[0]).isCloseTo(CANCER_INTERCEPT, offset(TOLERANCE));
    }

    @Test
    void anotherSeedTakesAnotherPathToTheSameOptimum() {
        LinearSvmModel model = new LinearSvm(tight()).fit(WINE, RunContext.withSeed(12345));
        assertClose("coef", model.coefficients(), WINE_HINGE_COEF, TOLERANCE);
    }
}
