package dev.grove.tensor.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatrixTest {

    @Test
    void storesRowMajorAndReadsBack() {
        Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(m.rows()).isEqualTo(2);
        assertThat(m.cols()).isEqualTo(3);
        assertThat(m.get(1, 0)).isEqualTo(4.0);
        assertThat(m.toRowMajor()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(m.row(1)).containsExactly(4, 5, 6);
        assertThat(m.column(2)).containsExactly(3, 6);
        assertThat(m.toArray()).isDeepEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(Matrix.fromRowMajor(2, 3, 1, 2, 3, 4, 5, 6).toArray()).isDeepEqualTo(m.toArray());
        assertThat(Matrix.columnVector(7, 8).toArray()).isDeepEqualTo(new double[][] {{7}, {8}});
        assertThat(m).hasToString("2x3 [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]");
        assertThat(Matrix.zeros(30, 30)).hasToString("30x30 matrix");
    }

    @Test
    void factoriesCopyTheirInputAndResultsShareNoStorage() {
        double[][] rows = {{1, 2}, {3, 4}};
        Matrix m = Matrix.of(rows);
        rows[0][0] = 99;
        assertThat(m.get(0, 0)).isEqualTo(1.0);

        Matrix copy = m.copy();
        copy.set(0, 1, -5);
        assertThat(m.get(0, 1)).isEqualTo(2.0);
        m.toArray()[1][1] = 42;
        m.row(1)[1] = 42;
        assertThat(m.get(1, 1)).isEqualTo(4.0);
    }

    @Test
    void identityAndZeros() {
        assertThat(Matrix.identity(3).toArray()).isDeepEqualTo(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        assertThat(Matrix.zeros(2, 1).toArray()).isDeepEqualTo(new double[][] {{0}, {0}});
    }

    @Test
    void transposeSwapsIndices() {
        Matrix t = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).transpose();
        assertThat(t.toArray()).isDeepEqualTo(new double[][] {{1, 4}, {2, 5}, {3, 6}});
    }

    @Test
    void multiplyMatchesHandComputedProducts() {
        Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Matrix b = Matrix.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});
        // [1*7+2*9+3*11, 1*8+2*10+3*12; 4*7+5*9+6*11, 4*8+5*10+6*12]
        assertThat(a.multiply(b).toArray()).isDeepEqualTo(new double[][] {{58, 64}, {139, 154}});
        assertThat(a.multiply(new double[] {1, 0, -1})).containsExactly(-2, -2);
        assertThat(Matrix.identity(2).multiply(a).toArray()).isDeepEqualTo(a.toArray());
    }

    @Test
    void multiplyPropagatesNaNRatherThanSkippingZeros() {
        Matrix zero = Matrix.zeros(1, 1);
        Matrix nan = Matrix.of(new double[][] {{Double.NaN}});
        assertThat(zero.multiply(nan).get(0, 0)).isNaN();
    }

    @Test
    void badShapesAndIndicesAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> Matrix.of(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 has 1 columns but row 0 has 2");
        assertThatThrownBy(() -> Matrix.of(new double[0][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one row");
        assertThatThrownBy(() -> Matrix.zeros(0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive").hasMessageContaining("0x3");
        assertThatThrownBy(() -> Matrix.fromRowMajor(2, 2, 1, 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 4 values, got 3");
        assertThatThrownBy(() -> Matrix.zeros(2, 2).get(2, 0))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("(2, 0)").hasMessageContaining("2x2");
        assertThatThrownBy(() -> Matrix.zeros(2, 2).column(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Matrix.zeros(2, 3).multiply(Matrix.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiply").hasMessageContaining("2x3 by 2x3");
        assertThatThrownBy(() -> Matrix.zeros(2, 3).multiply(new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vector of length 2");
    }
}
