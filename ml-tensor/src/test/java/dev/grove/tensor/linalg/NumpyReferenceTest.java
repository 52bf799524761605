package dev.grove.tensor.linalg;

import static dev.grove.tensor.linalg.LinalgTesting.assertMatrixClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Results compared with NumPy 1.24.2 (LAPACK underneath) on fixed matrices. The inputs were drawn with
 * {@code numpy.random.default_rng(20240601).uniform(-2, 2, ...)} and rounded to 3 decimals; they are
 * written out literally so nothing here depends on NumPy at test time. Eigen- and singular vectors
 * from NumPy were brought to this package's documented sign convention (largest |entry| of each
 * eigenvector / right singular vector positive) in the NumPy script before pasting.
 */
class NumpyReferenceTest {

    private static final double TOL = 1e-12;

    private static final Matrix A = Matrix.of(new double[][] {
        {1.167, 0.323, -0.341, 1.788, -1.429},
        {-0.144, 0.395, 0.163, 1.164, 0.928},
        {-0.556, -1.407, 0.992, 1.895, 1.815},
        {1.169, -1.81, -1.242, 0.391, -1.968},
        {0.833, -0.58, -1.837, -1.388, -1.038}});

    /** round(A + A^T, 3). */
    private static final Matrix S = Matrix.of(new double[][] {
        {2.334, 0.179, -0.897, 2.957, -0.596},
        {0.179, 0.79, -1.244, -0.646, 0.348},
        {-0.897, -1.244, 1.984, 0.653, -0.022},
        {2.957, -0.646, 0.653, 0.782, -3.356},
        {-0.596, 0.348, -0.022, -3.356, -2.076}});

    private static final Matrix B = Matrix.of(new double[][] {
        {-1.909, 0.004, 0.506, -1.622},
        {-1.386, 1.698, 0.694, -1.321},
        {-1.004, -1.987, 1.393, -0.372},
        {-1.056, 0.688, 1.585, 1.858},
        {-0.81, -1.003, 0.143, -0.241},
        {-0.633, 1.541, -1.654, 1.16}});

    @Test
    void solveInverseAndDeterminant() {
        // numpy.linalg.solve(A, b)
        double[] x = LinearAlgebra.solve(A, new double[] {-0.921, -0.823, 0.748, 0.646, -1.715});
        assertThat(x).containsExactly(new double[] {
            -3.669697700809405, -0.6731622695188536, 0.13094712060145036, 0.5360188097843531, -1.8650944479564981}, within(TOL));
        // numpy.linalg.inv(A)
        assertMatrixClose(LinearAlgebra.inverse(A), new double[][] {
            {2.829271790213277, -4.245033629487998, 2.448179603034664, -3.1393966997239184, 2.542734189002843},
            {0.08451889773084946, 0.4160744694755926, -0.3498030526314634, -0.1544092941060512, -0.06327114345802615},
            {1.165783490737608, -2.506273152985342, 1.0508661150696699, -1.3054222172554943, 0.46692372656630476},
            {-0.46033279711351077, 1.3795877708946693, -0.5289423138078432, 0.8361741558010186, -0.6431098455801346},
            {0.7756840948673736, -1.048439546846891, 1.0076592081275784, -1.2409529628535496, 1.146139135460451}}, TOL);
        // numpy.linalg.det(A) and numpy.linalg.slogdet(A)
        assertThat(LinearAlgebra.det(A)).isCloseTo(3.7292257605006, within(TOL));
        LogDeterminant ld = LinearAlgebra.logDet(A);
        assertThat(ld.sign()).isEqualTo(1);
        assertThat(ld.logAbs()).isCloseTo(1.3162006411985336, within(TOL));
    }

    @Test
    void symmetricEigen() {
        // numpy.linalg.eigh(S), reordered to descending eigenvalues
        SymmetricEigen e = SymmetricEigen.of(S);
        assertThat(e.eigenvalues()).containsExactly(new double[] {
            5.579537698649203, 3.2018325201124846, -0.022346235999484196, -0.38185310801532185, -4.563170874746881}, within(TOL));
        assertMatrixClose(e.eigenvectors(), new double[][] {
            {0.6629096467820469, -0.2738598240014749, 0.07526832887459318, 0.6618977510424779, -0.20439579945419545},
            {-0.08551679112387423, -0.4943394265027514, 0.8388592948474219, -0.21099120161185947, 0.010639836994814633},
            {-0.013980615105397748, 0.7995260436886354, 0.5356969984718938, 0.2580284823991712, -0.08374172176315287},
            {0.6591156488008174, 0.16937048904619156, 0.05629341896857931, -0.40965577343777143, 0.604891227590598},
            {-0.3443962580318354, -0.11269902886300202, 0.022572968912932784, 0.5319563229882468, 0.7649856716660028}}, 1e-11);
    }

    @Test
    void singularValues() {
        // numpy.linalg.svd(A, compute_uv=False)
        assertThat(Svd.of(A).singularValues()).containsExactly(new double[] {
            4.564286237045956, 3.2433494677432244, 2.181612286465267, 0.9447612299944622, 0.12222285484207142}, within(TOL));
        // numpy.linalg.svd(B, full_matrices=False)
        double[] sb = {3.8961565654137598, 3.3504029507830015, 2.789491026542557, 1.6002530731126126};
        Svd svd = Svd.of(B);
        assertThat(svd.singularValues()).containsExactly(sb, within(TOL));
        assertMatrixClose(svd.v(), new double[][] {
            {-0.47912540904604195, -0.5931925443398702, -0.21384115726772335, 0.6106008575202417},
            {-0.46096948184404324, 0.7923350973443288, -0.026469722055930074, 0.39876256612057803},
            {0.5592703350194089, 0.01989111465836957, 0.5243251297851809, 0.6417976271385545},
            {-0.4951390426760704, -0.1411808854398886, 0.8238048746811563, -0.23717254152999612}}, 1e-11);
        assertMatrixClose(svd.u(), new double[][] {
            {0.5130473611934143, 0.41028921832031184, -0.23760108723029935, -0.28407914515900173},
            {0.23704230287960937, 0.706737153640387, -0.16953857852949153, 0.36839081220966496},
            {0.6057876607464374, -0.2681996538933339, 0.24779479319136974, -0.26441580203043913},
            {0.039855833704427135, 0.28078748114824437, 0.9210604575243432, 0.12881512322329566},
            {0.2694317133269767, -0.08278321235034963, 0.027317523750748425, -0.46593249389643454},
            {-0.4893186347144161, 0.41780333750374554, 0.06558597933705942, -0.6928095752530053}}, 1e-11);
        // The wide transpose has the same singular values.
        assertThat(Svd.of(B.transpose()).singularValues()).containsExactly(sb, within(TOL));
    }

    @Test
    void leastSquares() {
        // numpy.linalg.lstsq(B, y, rcond=None)[0]
        double[] coef = LinearAlgebra.leastSquares(B, new double[] {-0.97, -1.503, 0.383, -0.268, 1.973, 0.433});
        assertThat(coef).containsExactly(new double[] {
            -0.32963011758953037, -0.7571533035635958, -0.6314180285348369, 0.4728580887730231}, within(TOL));
    }
}
