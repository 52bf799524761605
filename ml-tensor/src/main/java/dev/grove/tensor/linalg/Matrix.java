package dev.grove.tensor.linalg;

import java.util.Arrays;

/**
 * A dense float64 matrix stored row-major in one {@code double[]}: entry (i, j) lives at index
 * {@code i * cols + j}.
 *
 * <p><b>Mutability.</b> The shape is fixed; entries can be changed with {@link #set}. Every other
 * method (including all factories and arithmetic) returns a new matrix that shares no storage with
 * its inputs, and the decompositions in this package copy their input, so later {@code set} calls
 * never affect a result already computed. Instances are not thread-safe while being mutated.
 *
 * <p>Both dimensions must be at least 1. Entries may be NaN or infinite here; the decompositions
 * reject such matrices with an {@link IllegalArgumentException}.
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    /** Row-major entries; package-private so the decompositions can work on it without copying. */
    final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Wraps {@code data} without copying; the caller hands over ownership. */
    static Matrix wrap(int rows, int cols, double[] data) {
        return new Matrix(rows, cols, data);
    }

    /**
     * A {@code rows x cols} matrix of zeros.
     *
     * @param rows number of rows, at least 1
     * @param cols number of columns, at least 1
     * @return a new zero matrix
     * @throws IllegalArgumentException if a dimension is not positive or the size exceeds an array
     */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[checkedSize("zeros", rows, cols)]);
    }

    /**
     * Copies a rectangular array of rows.
     *
     * @param values the rows; all must have the same, non-zero length
     * @return a new matrix with {@code values.length} rows
     * @throws IllegalArgumentException if there are no rows, a row is null, or the rows are ragged
     */
    public static Matrix of(double[][] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("Matrix.of: need at least one row");
        }
        int cols = values[0] == null ? 0 : values[0].length;
        int rows = values.length;
        double[] data = new double[checkedSize("of", rows, cols)];
        for (int i = 0; i < rows; i++) {
            if (values[i] == null || values[i].length != cols) {
                throw new IllegalArgumentException("Matrix.of: row " + i + " has "
                        + (values[i] == null ? "no array" : values[i].length + " columns") + " but row 0 has " + cols);
            }
            System.arraycopy(values[i], 0, data, i * cols, cols);
        }
        return new Matrix(rows, cols, data);
    }

    /**
     * Copies row-major entries into a new {@code rows x cols} matrix.
     *
     * @param rows number of rows, at least 1
     * @param cols number of columns, at least 1
     * @param values exactly {@code rows * cols} entries, row by row
     * @return a new matrix
     * @throws IllegalArgumentException if a dimension is not positive or the entry count is wrong
     */
    public static Matrix fromRowMajor(int rows, int cols, double... values) {
        int size = checkedSize("fromRowMajor", rows, cols);
        if (values.length != size) {
            throw new IllegalArgumentException("Matrix.fromRowMajor: a " + rows + "x" + cols + " matrix needs "
                    + size + " values, got " + values.length);
        }
        return new Matrix(rows, cols, values.clone());
    }

    /**
     * A column vector ({@code values.length x 1}), handy as a right-hand side.
     *
     * @param values the entries, at least one
     * @return a new single-column matrix
     */
    public static Matrix columnVector(double... values) {
        return fromRowMajor(values.length, 1, values);
    }

    /**
     * The {@code n x n} identity matrix.
     *
     * @param n the order, at least 1
     * @return a new identity matrix
     */
    public static Matrix identity(int n) {
        Matrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1.0;
        }
        return m;
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns */
    public int cols() {
        return cols;
    }

    /**
     * Reads one entry.
     *
     * @param i row index
     * @param j column index
     * @return entry (i, j)
     * @throws IndexOutOfBoundsException if (i, j) is outside the matrix
     */
    public double get(int i, int j) {
        return data[index("get", i, j)];
    }

    /**
     * Overwrites one entry.
     *
     * @param i row index
     * @param j column index
     * @param value the new value
     * @throws IndexOutOfBoundsException if (i, j) is outside the matrix
     */
    public void set(int i, int j, double value) {
        data[index("set", i, j)] = value;
    }

    /** @return a new {@code cols x rows} matrix with entry (j, i) equal to this one's (i, j) */
    public Matrix transpose() {
        double[] t = new double[data.length];
        for (int i = 0; i < rows; i++) {
            int rowStart = i * cols;
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = data[rowStart + j];
            }
        }
        return new Matrix(cols, rows, t);
    }

    /**
     * The matrix product {@code this * other}.
     *
     * @param other a matrix with as many rows as this one has columns
     * @return a new {@code rows x other.cols} matrix
     * @throws IllegalArgumentException if the inner dimensions differ
     */
    public Matrix multiply(Matrix other) {
        if (cols != other.rows) {
            throw new IllegalArgumentException("multiply: cannot multiply " + rows + "x" + cols + " by "
                    + other.rows + "x" + other.cols + " (inner dimensions " + cols + " and " + other.rows + " differ)");
        }
        int n = other.cols;
        double[] b = other.data;
        double[] c = new double[checkedSize("multiply", rows, n)];
        // i-k-j order: the innermost loop walks a row of b and a row of c contiguously, so it streams
        // through memory and vectorises, unlike the textbook i-j-k order that strides down b's columns.
        for (int i = 0; i < rows; i++) {
            int cRow = i * n;
            int aRow = i * cols;
            for (int k = 0; k < cols; k++) {
                double aik = data[aRow + k];
                int bRow = k * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += aik * b[bRow + j];
                }
            }
        }
        return new Matrix(rows, n, c);
    }

    /**
     * The matrix-vector product {@code this * x}.
     *
     * @param x a vector with {@code cols()} entries
     * @return a new vector with {@code rows()} entries
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public double[] multiply(double[] x) {
        if (x.length != cols) {
            throw new IllegalArgumentException("multiply: cannot multiply " + rows + "x" + cols
                    + " by a vector of length " + x.length);
        }
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0.0;
            int aRow = i * cols;
            for (int j = 0; j < cols; j++) {
                s += data[aRow + j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    /**
     * Copies one row.
     *
     * @param i the row index
     * @return a new array of length {@code cols()}
     * @throws IndexOutOfBoundsException if {@code i} is not a row index
     */
    public double[] row(int i) {
        int start = index("row", i, 0);
        return Arrays.copyOfRange(data, start, start + cols);
    }

    /**
     * Copies one column.
     *
     * @param j the column index
     * @return a new array of length {@code rows()}
     * @throws IndexOutOfBoundsException if {@code j} is not a column index
     */
    public double[] column(int j) {
        index("column", 0, j);
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = data[i * cols + j];
        }
        return c;
    }

    /** @return an independent copy of this matrix */
    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** @return the entries as a new array of rows */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return out;
    }

    /** @return the entries as a new row-major array of length {@code rows() * cols()} */
    public double[] toRowMajor() {
        return data.clone();
    }

    /**
     * The shape and, for matrices of at most 400 entries, all entries, e.g.
     * {@code "2x2 [[1.0, 2.0], [3.0, 4.0]]"}. Larger matrices print only their shape so that logs and
     * exception messages stay readable.
     *
     * @return a description of this matrix
     */
    @Override
    public String toString() {
        String shape = rows + "x" + cols;
        return data.length <= 400 ? shape + " " + Arrays.deepToString(toArray()) : shape + " matrix";
    }

    private int index(String op, int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("Matrix." + op + ": index (" + i + ", " + j + ") is outside a "
                    + rows + "x" + cols + " matrix");
        }
        return i * cols + j;
    }

    private static int checkedSize(String op, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("Matrix." + op + ": dimensions must be positive, got " + rows + "x" + cols);
        }
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Matrix." + op + ": " + rows + "x" + cols + " has too many entries for one array");
        }
        return (int) size;
    }
}
