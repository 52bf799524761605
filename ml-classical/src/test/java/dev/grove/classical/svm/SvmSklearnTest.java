package dev.grove.classical.svm;

import static dev.grove.classical.testing.Close.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.testing.Standardiser;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The fitted {@code svm} against scikit-learn 1.2.1's {@code SVC} (libsvm), printed by
 * src/test/reference/svm_sklearn_ref.py: on a small problem, the same support vectors, dual
 * coefficients, intercepts and decision values within 1e-3, and the same predictions.
 *
 * <p>The small problem is every fifth iris row (30 rows, 10 per class), standardised over those rows;
 * the binary one every second versicolor/virginica row (50 rows), standardised likewise.
 */
class SvmSklearnTest {

    private static final Dataset IRIS = CsvData.read("iris");
    private static final Dataset SMALL = Standardiser.standardise(IRIS.view(IntStream.range(0, 30).map(i -> 5 * i).toArray()));
    private static final int[] ROWS = {0, 7, 12, 19, 25, 29};
    private static final double TOLERANCE = 1e-3;

    /** What scikit-learn reports for one multi-class fit. */
    private record Reference(int[] nSupport, int[] support, double[][] dualCoef, double[] intercept, double[][] ovo,
                             double[][] ovr, int[] predict) {
    }

    /**
     * SVC(kernel='rbf', {}).fit(SMALL): n_support_, support_, dual_coef_, intercept_, decision_function
     * (shape ovo, then ovr) of ROWS, predict of all rows.
     */
    private static final Reference RBF = new Reference(
        new int[] {5, 8, 7},
        new int[] {
            1, 3, 4, 5, 9, 10, 12, 13, 14, 15, 16, 17, 19, 20, 22, 23, 25, 26, 27, 29},
        new double[][] {
            {0.11045669199365585, 0.9078086190539659, 0.23452685299322684, 1.0, 0.29812397663706547,
            -0.37676537927461545, -0.9448917598351039, -0.0, -0.0, -0.0, -0.014943222274209014, -0.36209997557084994,
            -0.8522158037231359, -0.6027266748905543, -0.265774687748694, -0.0, -0.0, -0.4692782954615285,
            -0.33527488590544946, -0.0},
            {0.0, 0.7683711582397673, 0.23475703198622327, 0.0441476949548443, 0.6257786588253913, 1.0,
            0.5380451344680124, 1.0, 1.0, 1.0, 0.0, 0.4714961897234097, 0.0, -0.1623868790095122, -1.0, -1.0, -1.0,
            -0.84715444518191, -0.0, -1.0},
        },
        new double[] {
            -0.049676719845505354, 0.14976007770037672, 0.32743673057150224},
        new double[][] {
            {1.1102840801958795, 1.0263580436926234, 0.6800919271965478},
            {1.1429042773089817, 1.0423637730786648, 0.6961617207057516},
            {-1.0002589892794718, 0.22444405044008547, 1.0002602831592027},
            {-1.0006457833758153, -0.03429172481093282, 1.540155421391469},
            {-0.772077377323438, -1.0509439905326121, -0.7740552451495615},
            {-0.8481910685178523, -1.096969418981573, -0.9594686313255425},
        },
        new double[][] {
            {2.2270625762091196, 0.8997355816612583, -0.21017076357638317},
            {2.2286848930575562, 0.897069326636771, -0.21161332959778506},
            {0.85437391365671, 2.222241451206405, -0.18350068892343888},
            {-0.16952813932010127, 2.239192681527031, 0.7996880013019843},
            {-0.21525653195705324, 0.9993420121376484, 2.215339201114448},
            {-0.22015330978346273, 0.9666217314401805, 2.224273922395873},
        },
        new int[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2});

    /**
     * SVC(kernel='linear', {}).fit(SMALL): n_support_, support_, dual_coef_, intercept_, decision_function
     * (shape ovo, then ovr) of ROWS, predict of all rows.
     */
    private static final Reference LINEAR = new Reference(
        new int[] {2, 6, 3},
        new int[] {
            4, 5, 10, 12, 13, 14, 17, 19, 22, 23, 25},
        new double[][] {
            {0.0, 0.5164152744961773, -0.0, -0.1222367654564835, -0.0, -0.0, -0.0, -0.3941785090396938,
            -0.19463398791376144, -0.0, -0.0},
            {0.19463398791376146, 0.0, 1.0, 0.0, 0.4333822587178676, 1.0, 0.124386104703406, 0.0, -1.0,
            -0.8426927127523789, -0.7150756506688949},
        },
        new double[] {
            -0.9358239560971754, -0.23256680180987294, 2.004590204118551},
        new double[][] {
            {1.377420107300317, 1.167488204374678, 5.9575320366585816},
            {1.2883332177779416, 1.1718563356330298, 6.168762073524049},
            {-1.0000932293830371, 0.0245648700048689, 3.4845983392062374},
            {-1.0000932525703912, -0.20769010736958424, 2.15065650946988},
            {-2.5540636000567107, -1.274573262195079, -1.0001292431341162},
            {-2.5725583789037887, -1.2797957907514481, -1.1179003982802413},
        },
        new double[][] {
            {2.239301752252515, 1.2735973750670504, -0.2923077945106826},
            {2.236999497227522, 1.2766481252455568, -0.29336827115432634},
            {0.8353978983652366, 2.2725581139495623, -0.25940978746291204},
            {-0.18235233611157878, 2.2530265568608616, 0.7799310699216425},
            {-0.2643007382464693, 1.2028157527111796, 2.231542916405117},
            {-0.26463815534779545, 1.1975370896347886, 2.235227642068356},
        },
        new int[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2});

    /**
     * SVC(kernel='poly', {'coef0': 1.0}).fit(SMALL): n_support_, support_, dual_coef_, intercept_, decision_function
     * (shape ovo, then ovr) of ROWS, predict of all rows.
     */
    private static final Reference POLY = new Reference(
        new int[] {2, 3, 3},
        new int[] {
            4, 5, 10, 14, 19, 22, 23, 25},
        new double[][] {
            {0.21060165140450707, 0.07008912086910074, -0.0, -0.0, -0.2806907722736078, -0.1889911005846715, -0.0,
            -0.0},
            {0.16527910137382945, 0.02371199921084205, 0.8067533270359114, 1.0, 0.0, -1.0, -0.5867565405892953,
            -0.21999678644661622},
        },
        new double[] {
            -0.9481480074178444, -0.4898479022830223, 1.817707094016564},
        new double[][] {
            {1.5098949695404515, 1.3566352050798605, 2.178516551477604},
            {1.4321641563511012, 1.2881465633886164, 2.1207368656877055},
            {-1.05126769201358, -0.2608776376389739, 2.1845311603619595},
            {-1.0004016401540925, -0.4634480020123791, 1.9045290470862355},
            {-1.155044849419505, -1.1850246235164845, -1.000217148622671},
            {-1.2007089598702843, -1.1454009129944678, -1.2203044129991436},
        },
        new double[][] {
            {2.2471233935994306, 1.133567648326217, -0.25983340406385297},
            {2.2437350824225453, 1.1359279557086464, -0.2577284009971731},
            {-0.18916707827209833, 2.254639007906055, 0.780679264514745},
            {-0.19804369242804168, 2.247971169435642, 0.803218189200507},
            {-0.23353500996482973, 1.044689985842333, 2.2286840297077966},
            {-0.23371516596934536, 0.9935937163219242, 2.234295152314046},
        },
        new int[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2});

    /**
     * SVC(kernel='sigmoid', {'coef0': 0.5, 'gamma': 0.1}).fit(SMALL): n_support_, support_, dual_coef_,
     * intercept_, decision_function (shape ovo, then ovr) of ROWS, predict of all rows.
     */
    private static final Reference SIGMOID = new Reference(
        new int[] {7, 10, 8},
        new int[] {
            1, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 23, 24, 25, 26, 28, 29},
        new double[][] {
            {0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, -0.0, -0.0, -1.0, -0.0, -0.0, -0.0, -1.0, -1.0, -1.0, -1.0, -0.0,
            -1.0, -1.0, -0.0, -0.11621773000931904, -0.0, -0.0, -0.0},
            {0.11621773000931904, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0,
            -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0},
        },
        new double[] {
            -0.5689136534929276, -0.05591160246851393, 0.4519212245941162},
        new double[][] {
            {1.0291008101231232, 1.1331062484974732, 2.4585715430087562},
            {0.7806837197763394, 1.1198466873960893, 2.6693833316287523},
            {-0.800342699132105, -0.2767227982695655, 1.5573833729042872},
            {-0.6827080495339044, -0.08261410207124051, 0.6343252979840329},
            {-2.042925734469031, -1.0000000148918733, -0.792467349504133},
            {-2.1309552520895365, -1.0626745020936947, -0.6885452174864968},
        },
        new double[][] {
            {2.227921724556918, 1.196129238292677, -0.26073822791240425},
            {2.2184118236297747, 1.2179411575717354, -0.26373272279485577},
            {-0.17285051093301879, 2.23405979934574, 0.8128231517835811},
            {-0.1445103850514885, 2.1894712116722843, 0.8814832731404315},
            {-0.2508847913619588, 1.1852153607636995, 2.2139645852565115},
            {-0.25384769609966323, 1.1968561126329569, 2.2121749500311823},
        },
        new int[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 1, 2, 2, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2});

    /**
     * SVC(kernel='rbf', {'gamma': 'auto', 'C': 10.0}).fit(SMALL): n_support_, support_, dual_coef_, intercept_, decision_function
     * (shape ovo, then ovr) of ROWS, predict of all rows.
     */
    private static final Reference RBF_AUTO_C10 = new Reference(
        new int[] {5, 6, 5},
        new int[] {
            1, 3, 4, 5, 9, 10, 12, 14, 16, 17, 19, 20, 22, 25, 26, 27},
        new double[][] {
            {0.18658805435550993, 0.8807146561456705, 0.1047546341332402, 1.3897365120585023, 0.0,
            -0.37426270828642294, -0.9373620472846472, -0.0, -0.03690042196889103, -0.3586938060221629,
            -0.8545748731307993, -0.6026921122588788, -0.26527055791320886, -0.0, -0.4685480985365394,
            -0.3369084681253818},
            {0.0, 0.7682781666508017, 0.2350493065379882, 0.03511254595047094, 0.634979217694748, 5.516106021402518,
            0.0, 6.19301937708435, 0.0, 0.0, 0.0, -0.0, -10.0, -1.115126193339739, -0.5939992051471279, -0.0},
        },
        new double[] {
            -0.05058882238777715, 0.14981380153330942, 0.7837356569127265},
        new double[][] {
            {1.1048869179101197, 1.0266287096038882, 1.3527439810842379},
            {1.1448445742014552, 1.042773323916623, 1.3299309887427173},
            {-1.0001553388040574, 0.22453724625650193, 1.0035658109114802},
            {-1.0003361413112366, -0.03418349245333241, 2.4512657521385033},
            {-0.7715593007391127, -1.0512205618577688, -1.000122244870794},
            {-0.8496023155180159, -1.097045557153623, -1.5879995462715835},
        },
        new double[][] {
            {2.2268886040129328, 1.0662087217328282, -0.23469569734490428},
            {2.228762037780586, 1.052059892643049, -0.23450067489892001},
            {0.8543947230163774, 2.2223598718437736, -0.18372924196916868},
            {-0.16949449501426006, 2.2584539210876398, 0.7642157766971769},
            {-0.21524642979893033, 0.9379863698414399, 2.2240918110113266},
            {-0.22021043988386602, 0.8584141726085845, 2.2428776336124523},
        },
        new int[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2});

    // SVC().fit(iris rows 50, 52, …, 148 standardised; versicolor 0, virginica 1): n_support_, support_, dual_coef_,
    // intercept_, decision_function of ROWS, predict of all rows.
    private static final int[] BINARY_N_SUPPORT = {12, 11};
    private static final int[] BINARY_SUPPORT = {
            1, 2, 3, 5, 9, 10, 11, 13, 14, 17, 20, 24, 28, 29, 30, 33, 34, 36, 38, 42, 44, 48, 49};
    private static final double[][] BINARY_DUAL_COEF = {
            {-1.0, -1.0, -1.0, -0.6009668087786038, -1.0, -1.0, -1.0, -0.29245829619933594, -0.16448444292267778,
            -1.0, -0.1543099873162126, -0.4397488345375559, 1.0, 0.08884278905067576, 1.0, 0.9267695877448628,
            0.7108887985879383, 0.2861479827293307, 1.0, 1.0, 1.0, 1.0, 0.6393192116415786},
        };
    private static final double[] BINARY_INTERCEPT = {
            -0.11521634077070668};
    private static final double[] BINARY_DECISION = {
            -1.1951391063794305, -1.3317881381103358, -1.6236747566379015, -1.4439479146529324, 1.1005461184469854,
            1.0000717799504644};
    private static final int[] BINARY_PREDICT = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    @Test
    void rbfKernelWithScaleGammaMatchesSvc() {
        SvmModel model = assertMatches(SvmParams.defaults(), RBF);
        // gamma 'scale' on standardised data: 1 / (4 features × variance 1).
        assertThat(model.gamma()).isCloseTo(0.25, offset(1e-12));
    }

    @Test
    void linearKernelMatchesSvc() {
        assertMatches(SvmParams.defaults().withKernel("linear"), LINEAR);
    }

    @Test
    void polynomialKernelMatchesSvc() {
        assertMatches(SvmParams.defaults().withKernel("poly").withCoef0(1.0), POLY);
    }

    @Test
    void sigmoidKernelMatchesSvc() {
        assertMatches(SvmParams.defaults().withKernel("sigmoid").withCoef0(0.5).withGamma("0.1"), SIGMOID);
    }

    @Test
    void autoGammaAndLargerCMatchSvc() {
        SvmModel model = assertMatches(SvmParams.defaults().withGamma("auto").withC(10.0), RBF_AUTO_C10);
        assertThat(model.gamma()).isEqualTo(0.25);
    }

    @Test
    void binaryProblemHasScikitLearnsSignsAndValues() {
        int[] rows = IntStream.range(0, 50).map(i -> 50 + 2 * i).toArray();
        Dataset binary = Standardiser.standardise(IRIS.view(rows));
        SvmModel model = new Svm(SvmParams.defaults()).fit(binary, RunContext.withSeed(0));
        // Classes 1 and 2 of iris (versicolor, virginica) are the model's two classes.
        assertThat(model.classes()).containsExactly(1, 2);
        assertThat(model.supportCounts()).containsExactly(BINARY_N_SUPPORT);
        assertThat(model.supportIndices()).containsExactly(BINARY_SUPPORT);
        assertClose("dual-coef", model.dualCoefficients(), BINARY_DUAL_COEF, TOLERANCE);
        assertClose("intercept", model.intercepts(), BINARY_INTERCEPT, TOLERANCE);
        Dataset some = binary.view(ROWS).withoutTargets();
        double[][] decision = model.decisionFunction(some);
        double[] firstColumn = new double[decision.length];
        for (int i = 0; i < decision.length; i++) {
            assertThat(decision[i]).hasSize(1);
            firstColumn[i] = decision[i][0];
        }
        assertClose("decision", firstColumn, BINARY_DECISION, TOLERANCE);
        int[] predicted = model.predict(binary.withoutTargets());
        for (int i = 0; i < predicted.length; i++) {
            // scikit-learn's labels 0/1 are iris classes 1/2 here.
            assertThat(predicted[i]).as("row " + i).isEqualTo(BINARY_PREDICT[i] + 1);
        }
    }

    private static SvmModel assertMatches(SvmParams params, Reference expected) {
        SvmModel model = new Svm(params).fit(SMALL, RunContext.withSeed(0));
        assertThat(model.supportCounts()).as("n-support").containsExactly(expected.nSupport());
        assertThat(model.supportIndices()).as("support").containsExactly(expected.support());
        assertClose("dual-coef", model.dualCoefficients(), expected.dualCoef(), TOLERANCE);
        assertClose("intercept", model.intercepts(), expected.intercept(), TOLERANCE);
        Dataset some = SMALL.view(ROWS).withoutTargets();
        assertClose("decision ovo", model.decisionFunction(some), expected.ovo(), TOLERANCE);
        assertClose("decision ovr", model.decisionFunctionOvr(some), expected.ovr(), TOLERANCE);
        assertThat(model.predict(SMALL.withoutTargets())).as("predict").containsExactly(expected.predict());
        return model;
    }
}
